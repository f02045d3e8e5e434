package io.github.dqualizer.ctk.jobs.execution;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Run execution settings.
 *
 * @param shutdownGracePeriod  on SIGTERM, how long running experiments get to play their rollbacks and store their journals
 * @param storeRetryTimeout    how long a finished run keeps trying to store its result while the database is unreachable
 * @param recoveryInterval     how often runs left {@code running} by a dead instance are looked for
 * @param cancellationPoll     how often this instance looks for cancellations asked on another instance
 * @param submissionWaitLimit  how long an accepted submission waits for a writer before it is answered 503
 */
@ConfigurationProperties("ctk.jobs")
public record JobsProperties(Duration shutdownGracePeriod, Duration storeRetryTimeout, Duration recoveryInterval,
                             Duration cancellationPoll, Duration submissionWaitLimit) {

    public JobsProperties {
        shutdownGracePeriod = shutdownGracePeriod == null ? Duration.ofSeconds(30) : shutdownGracePeriod;
        storeRetryTimeout = storeRetryTimeout == null ? Duration.ofMinutes(10) : storeRetryTimeout;
        recoveryInterval = recoveryInterval == null ? Duration.ofSeconds(10) : recoveryInterval;
        cancellationPoll = cancellationPoll == null ? Duration.ofMillis(500) : cancellationPoll;
        submissionWaitLimit = submissionWaitLimit == null ? Duration.ofSeconds(30) : submissionWaitLimit;
    }
}
