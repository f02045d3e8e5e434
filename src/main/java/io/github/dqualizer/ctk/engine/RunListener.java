package io.github.dqualizer.ctk.engine;

import io.github.dqualizer.ctk.providers.RunContext;
import java.util.Map;

/**
 * Observes a run (progress, live events, metrics, InfluxDB). Records passed here are already
 * masked: no secret value appears in them. Exceptions thrown by listeners are logged and ignored.
 */
public interface RunListener {

    default void runStarted(RunContext run) {
    }

    default void activityStarted(RunContext run, ActivityPhase phase, Map<String, Object> activity) {
    }

    default void activityFinished(RunContext run, ActivityPhase phase, Map<String, Object> runRecord) {
    }

    default void hypothesisEvaluated(RunContext run, ActivityPhase phase, Map<String, Object> state) {
    }

    default void runFinished(RunContext run, Map<String, Object> journal) {
    }
}
