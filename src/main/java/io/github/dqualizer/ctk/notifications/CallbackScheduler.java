package io.github.dqualizer.ctk.notifications;

import io.github.dqualizer.ctk.jobs.completion.RunEnded;
import io.github.dqualizer.ctk.jobs.store.RunOutcome;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.jobrunr.scheduling.JobBuilder;
import org.jobrunr.scheduling.JobScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import static org.jobrunr.scheduling.JobBuilder.aJob;

/**
 * Queues the delivery of a run's outcome once the run ended, as a JobRunr job with retries (unlike a run,
 * sending a callback again is safe). Its job id derives from the run id, so the job exists at most once.
 */
@Component
class CallbackScheduler {

    private static final Logger log = LoggerFactory.getLogger(CallbackScheduler.class);
    private static final int MAX_JOB_NAME = 200;

    private final JobScheduler jobs;
    private final NotificationProperties properties;

    CallbackScheduler(JobScheduler jobs, NotificationProperties properties) {
        this.jobs = jobs;
        this.properties = properties;
    }

    @EventListener
    void ended(RunEnded ended) {
        RunOutcome outcome = ended.outcome();
        if (outcome.callbackRequested()) {
            jobs.create(job(outcome.runId(), outcome.title(), properties.retries()));
            log.debug("Callback of run {} queued", outcome.runId());
        }
    }

    static JobBuilder job(String runId, String title, int retries) {
        String name = ("Callback: " + title).replaceAll("\\s+", " ");
        return aJob()
                .withId(jobId(runId))
                .withName(name.length() <= MAX_JOB_NAME ? name : name.substring(0, MAX_JOB_NAME - 1) + "…")
                .withAmountOfRetries(retries)
                .withDetails((CallbackDelivery delivery) -> delivery.deliver(runId));
    }

    static UUID jobId(String runId) {
        return UUID.nameUUIDFromBytes(("callback:" + runId).getBytes(StandardCharsets.UTF_8));
    }
}
