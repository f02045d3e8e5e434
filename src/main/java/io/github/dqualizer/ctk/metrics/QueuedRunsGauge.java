package io.github.dqualizer.ctk.metrics;

import io.github.dqualizer.ctk.jobs.store.RunQueries;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The gauge {@code ctk.runs.queued}: runs accepted but not started yet, counted in the database (every
 * instance sees the same queue) at most once per {@link #MAX_AGE}; NaN while the database cannot be asked.
 */
@Component
class QueuedRunsGauge {

    static final String NAME = "ctk.runs.queued";
    static final Duration MAX_AGE = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(QueuedRunsGauge.class);

    private final RunQueries queries;
    private long readAt;
    private double value = Double.NaN;
    private boolean read;

    QueuedRunsGauge(RunQueries queries, MeterRegistry registry) {
        this.queries = queries;
        Gauge.builder(NAME, this, QueuedRunsGauge::value)
                .description("Runs waiting to start (status queued), across instances")
                .register(registry);
    }

    synchronized double value() {
        long now = System.nanoTime();
        if (read && now - readAt < MAX_AGE.toNanos()) {
            return value;
        }
        try {
            value = queries.countQueued();
        } catch (RuntimeException e) {
            log.debug("Cannot count queued runs now: {}", e.toString());
            value = Double.NaN;
        }
        read = true;
        readAt = now;
        return value;
    }
}
