package io.github.dqualizer.ctk.engine;

import java.util.List;
import java.util.Map;

/** Reads an evaluated steady-state hypothesis as the journal records it, for whoever reports on a run. */
public final class SteadyStates {

    private SteadyStates() {
    }

    /** The name of the probe that missed its tolerance in an evaluated state, or null when none did. */
    public static String missedProbe(Map<?, ?> state) {
        if (state == null || !(state.get("probes") instanceof List<?> records)) {
            return null;
        }
        synchronized (records) {
            for (Object record : records) {
                if (record instanceof Map<?, ?> r && Boolean.FALSE.equals(r.get("tolerance_met"))
                        && r.get("activity") instanceof Map<?, ?> activity) {
                    return String.valueOf(activity.get("name"));
                }
            }
        }
        return null;
    }

    /** Whether every recorded probe succeeded (a pure tolerance miss). */
    public static boolean allSucceeded(Map<String, Object> state) {
        List<?> records = (List<?>) state.get("probes");
        synchronized (records) {
            return records.stream().allMatch(r -> "succeeded".equals(((Map<?, ?>) r).get("status")));
        }
    }
}
