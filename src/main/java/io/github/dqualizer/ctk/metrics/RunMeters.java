package io.github.dqualizer.ctk.metrics;

import io.github.dqualizer.ctk.engine.ActivityPhase;
import io.github.dqualizer.ctk.engine.RunListener;
import io.github.dqualizer.ctk.jobs.completion.RunEnded;
import io.github.dqualizer.ctk.providers.RunContext;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Micrometer meters of runs and activities: {@code ctk.runs.finished}, {@code ctk.run.duration} and
 * {@code ctk.activity.duration}. Tags have few values (statuses, activity types), never names or ids.
 */
@Component
class RunMeters implements RunListener {

    static final String RUNS_FINISHED = "ctk.runs.finished";
    static final String RUN_DURATION = "ctk.run.duration";
    static final String ACTIVITY_DURATION = "ctk.activity.duration";

    private static final Set<String> RUN_STATUSES = Set.of("completed", "failed", "aborted", "interrupted");
    private static final Set<String> ACTIVITY_STATUSES = Set.of("succeeded", "failed");
    private static final Set<String> ACTIVITY_TYPES = Set.of("action", "probe");

    private final MeterRegistry registry;

    RunMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Counted when the final status is stored, so runs cancelled before they started count too. */
    @EventListener
    void ended(RunEnded ended) {
        Counter.builder(RUNS_FINISHED).description("Runs that ended, by final status")
                .tag("status", ended.outcome().status().wireName())
                .register(registry).increment();
    }

    @Override
    public void activityFinished(RunContext run, ActivityPhase phase, Map<String, Object> runRecord) {
        Map<?, ?> activity = runRecord.get("activity") instanceof Map<?, ?> a ? a : Map.of();
        Duration duration = seconds(runRecord.get("duration"));
        if (duration != null) {
            Timer.builder(ACTIVITY_DURATION).description("Duration of executed activities")
                    .tag("status", oneOf(runRecord.get("status"), ACTIVITY_STATUSES, "error"))
                    .tag("type", oneOf(activity.get("type"), ACTIVITY_TYPES, "other"))
                    .register(registry).record(duration);
        }
    }

    @Override
    public void runFinished(RunContext run, Map<String, Object> journal) {
        Duration duration = seconds(journal.get("duration"));
        if (duration != null) {
            Timer.builder(RUN_DURATION).description("Duration of executed runs, by journal status")
                    .tag("status", oneOf(journal.get("status"), RUN_STATUSES, "aborted"))
                    .register(registry).record(duration);
        }
    }

    private static String oneOf(Object value, Set<String> allowed, String otherwise) {
        return value instanceof String s && allowed.contains(s) ? s : otherwise;
    }

    private static Duration seconds(Object value) {
        return value instanceof Number n && n.doubleValue() >= 0 ? Duration.ofNanos((long) (n.doubleValue() * 1e9)) : null;
    }
}
