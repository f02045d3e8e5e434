package io.github.dqualizer.ctk.engine.control;

import io.github.dqualizer.ctk.pyvalues.PyValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * chaoslib's {@code get_context_controls}, quirks included: global controls and the context's own, with the
 * experiment's top-level controls whose {@code automatic} is not false put first (once per non-ref local control);
 * method and rollback levels get the top-level automatic controls only; a {@code ref} adds the top-level control
 * of that name after it.
 */
final class ContextControls {

    private ContextControls() {
    }

    static List<Map<String, Object>> of(String level, List<Map<String, Object>> global, Map<String, Object> experiment,
            Map<String, Object> context) {
        List<Map<String, Object>> topLevel = new ArrayList<>();
        ControlsOfExperiment.add(topLevel, experiment.get("controls"));
        List<Map<String, Object>> controls = new ArrayList<>(global);
        if (context != null) {
            ControlsOfExperiment.add(controls, context.get("controls"));
        }
        if (topLevel.isEmpty()) {
            return controls;
        }
        if (controls.isEmpty() || level.equals("method") || level.equals("rollback")) {
            return topLevel.stream().filter(ContextControls::automatic).toList();
        }
        for (Map<String, Object> control : List.copyOf(controls)) {
            if (control.containsKey("ref")) {
                topLevel.stream().filter(top -> Objects.equals(control.get("ref"), top.get("name"))).findFirst()
                        .ifPresent(controls::add);
            } else {
                for (int i = topLevel.size() - 1; i >= 0; i--) {
                    Map<String, Object> top = topLevel.get(i);
                    if (Objects.equals(control.get("name"), top.get("name"))) {
                        continue;
                    }
                    if (!level.equals("experiment") && automatic(top)) {
                        controls.add(0, top);
                    }
                }
            }
        }
        return controls;
    }

    private static boolean automatic(Map<String, Object> control) {
        return !control.containsKey("automatic") || PyValues.truthy(control.get("automatic"));
    }
}
