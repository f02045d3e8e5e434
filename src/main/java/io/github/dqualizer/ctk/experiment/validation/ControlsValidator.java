package io.github.dqualizer.ctk.experiment.validation;

import static io.github.dqualizer.ctk.experiment.validation.Checks.falsy;
import static io.github.dqualizer.ctk.experiment.validation.Problems.child;

import io.github.dqualizer.ctk.pythonruntime.PythonInspection;
import io.github.dqualizer.ctk.pythonruntime.PythonUnavailableException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.modulith.NamedInterface;

/**
 * Controls (section 2.7), checked as chaoslib checks them: shape, references, and for python controls the
 * module's own {@code validate_control(control)} (a module that cannot be imported passes, as chaoslib only warns).
 * With {@code ctk.engine.ignore-controls} only the shape is checked: they will not run.
 */
@NamedInterface("controls")
public final class ControlsValidator {

    private ControlsValidator() {
    }

    /** Every {@code controls} list of the experiment by JSON location, in chaoslib's collection order. */
    public static Map<String, List<?>> collect(Map<?, ?> experiment) {
        Map<String, List<?>> found = new LinkedHashMap<>();
        add(found, "controls", experiment.get("controls"));
        if (experiment.get("steady-state-hypothesis") instanceof Map<?, ?> hypothesis) {
            add(found, "steady-state-hypothesis.controls", hypothesis.get("controls"));
            addActivities(found, "steady-state-hypothesis.probes", hypothesis.get("probes"));
        }
        addActivities(found, "method", experiment.get("method"));
        addActivities(found, "rollbacks", experiment.get("rollbacks"));
        return found;
    }

    static void validate(Map<?, ?> experiment, boolean ignoreControls, PythonInspection python, Problems problems) {
        Map<String, List<?>> all = collect(experiment);
        List<Object> declaredNames = new ArrayList<>();
        all.values().forEach(list -> list.forEach(c -> {
            if (c instanceof Map<?, ?> m && m.get("ref") == null) {
                declaredNames.add(m.get("name"));
            }
        }));
        all.forEach((location, controls) -> {
            for (int i = 0; i < controls.size(); i++) {
                String itemLocation = Problems.item(location, i);
                if (shape(controls.get(i), itemLocation, declaredNames, problems) && !ignoreControls) {
                    python(controls.get(i), itemLocation, python, problems);
                }
            }
        });
    }

    /** chaoslib's {@code validate_python_control}: the module may refuse the control. */
    private static void python(Object value, String location, PythonInspection python, Problems problems) {
        Map<?, ?> control = (Map<?, ?>) value;
        if (!(control.get("provider") instanceof Map<?, ?> provider) || !"python".equals(provider.get("type"))
                || falsy(provider.get("module"))) {
            return;
        }
        String module = String.valueOf(provider.get("module"));
        try {
            python.validateControl(module, control).ifPresent(problem -> problems.add(location, problem));
        } catch (PythonUnavailableException e) {
            problems.add(child(location, "provider.module"), "control '" + control.get("name") + "' is a Python control "
                    + "and needs Python, but " + e.getMessage() + "; or let ctk.engine.ignore-controls=true skip controls");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problems.add(location, "the validation was interrupted while importing Python module '" + module + "'");
        }
    }

    /** @return whether the control is well formed */
    private static boolean shape(Object value, String location, List<Object> declaredNames, Problems problems) {
        if (!(value instanceof Map<?, ?> control)) {
            problems.add(location, "A control must have a `name` property");
            return false;
        }
        int before = problems.toList().size();
        if (control.get("ref") != null && !declaredNames.contains(control.get("ref"))) {
            problems.add(child(location, "ref"), "Control reference '{}' declaration cannot be found");
        }
        Object name = control.get("name");
        if (name == null) {
            problems.add(location, "A control must have a `name` property");
        }
        if (!control.containsKey("provider")) {
            problems.add(location, "Control '" + name + "' must have a `provider` property");
        }
        Object scope = control.get("scope");
        if (!falsy(scope) && !"before".equals(scope) && !"after".equals(scope)) {
            problems.add(child(location, "scope"), "Control '" + name + "' scope property must be 'before' or 'after' only");
        }
        if (control.get("provider") instanceof Map<?, ?> provider && "python".equals(provider.get("type"))
                && falsy(provider.get("module"))) {
            problems.add(child(location, "provider.module"), "Control '" + name + "' must have a module path");
        }
        return problems.toList().size() == before;
    }

    private static String names(List<?> controls) {
        List<String> names = new ArrayList<>();
        for (Object c : controls) {
            Object name = c instanceof Map<?, ?> m ? (m.get("name") != null ? m.get("name") : m.get("ref")) : c;
            names.add(String.valueOf(name));
        }
        return String.join(", ", names);
    }

    private static void addActivities(Map<String, List<?>> found, String location, Object activities) {
        if (activities instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i) instanceof Map<?, ?> activity) {
                    add(found, Problems.item(location, i) + ".controls", activity.get("controls"));
                }
            }
        }
    }

    private static void add(Map<String, List<?>> found, String location, Object controls) {
        if (controls instanceof List<?> list && !list.isEmpty()) {
            found.put(location, list);
        } else if (controls != null && !(controls instanceof List)) {
            found.put(location, List.of(controls));
        }
    }
}
