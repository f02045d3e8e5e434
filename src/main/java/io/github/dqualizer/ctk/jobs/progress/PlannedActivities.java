package io.github.dqualizer.ctk.jobs.progress;

import java.util.List;
import java.util.Map;

/**
 * How many activities a run is expected to execute: the steady-state probes twice (before and after),
 * the method and the rollbacks. Skipped phases or the continuous hypothesis change it; the bar follows.
 */
final class PlannedActivities {

    private PlannedActivities() {
    }

    static long count(Map<String, Object> experiment) {
        long probes = experiment.get("steady-state-hypothesis") instanceof Map<?, ?> hypothesis ? size(hypothesis.get("probes")) : 0;
        return 2 * probes + size(experiment.get("method")) + size(experiment.get("rollbacks"));
    }

    private static long size(Object list) {
        return list instanceof List<?> l ? l.size() : 0;
    }
}
