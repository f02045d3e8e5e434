package io.github.dqualizer.ctk.engine.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** chaoslib's {@code get_controls}: experiment, hypothesis, then each probe, method and rollback activity's. */
final class ControlsOfExperiment {

    private ControlsOfExperiment() {
    }

    static List<Map<String, Object>> all(Map<String, Object> experiment) {
        List<Map<String, Object>> controls = new ArrayList<>();
        add(controls, experiment.get("controls"));
        List<Object> activities = new ArrayList<>();
        if (experiment.get("steady-state-hypothesis") instanceof Map<?, ?> hypothesis) {
            add(controls, hypothesis.get("controls"));
            if (hypothesis.get("probes") instanceof List<?> probes) {
                activities.addAll(probes);
            }
        }
        for (String key : List.of("method", "rollbacks")) {
            if (experiment.get(key) instanceof List<?> list) {
                activities.addAll(list);
            }
        }
        for (Object activity : activities) {
            if (activity instanceof Map<?, ?> a) {
                add(controls, a.get("controls"));
            }
        }
        return controls;
    }

    @SuppressWarnings("unchecked")
    static void add(List<Map<String, Object>> into, Object controls) {
        if (controls instanceof List<?> list) {
            for (Object control : list) {
                if (control instanceof Map<?, ?> c) {
                    into.add((Map<String, Object>) c);
                }
            }
        }
    }
}
