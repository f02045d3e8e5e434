package io.github.dqualizer.ctk.experiment.validation;

import static io.github.dqualizer.ctk.experiment.validation.Checks.falsy;

import io.github.dqualizer.ctk.experiment.ActivityIndex;
import java.util.List;
import java.util.Map;

/** Top-level shape (2.1 steps 0–5 and 9–11): title, description, tags, extensions, method and rollbacks. */
final class StructureValidator {

    private final ActivityValidator activities;

    StructureValidator(ActivityValidator activities) {
        this.activities = activities;
    }

    void header(Map<?, ?> experiment, Problems problems) {
        if (falsy(experiment.get("title"))) {
            problems.add("title", "experiment requires a title");
        }
        if (falsy(experiment.get("description"))) {
            problems.add("description", "experiment requires a description");
        }
        Object tags = experiment.get("tags");
        if (!falsy(tags)) {
            Iterable<?> items = tags instanceof List<?> l ? l : tags instanceof Map<?, ?> m ? m.keySet()
                    : tags instanceof String ? List.of("x") : null;
            boolean bad = items == null;
            for (Object tag : items == null ? List.of() : items) {
                bad |= !(tag instanceof String s) || s.isEmpty();
            }
            if (bad) {
                problems.add("tags", "experiment tags must be a non-empty string");
            }
        }
        Object extensions = experiment.get("extensions");
        if (!falsy(extensions)) {
            boolean bad = !(extensions instanceof List);
            for (Object extension : extensions instanceof List<?> l ? l : List.of()) {
                bad |= !(extension instanceof Map<?, ?> m) || !(m.get("name") instanceof String name)
                        || name.isBlank();
            }
            if (bad) {
                problems.add("extensions", "All extensions require a non-empty name");
            }
        }
    }

    void method(Map<?, ?> experiment, ActivityIndex index, Problems problems) {
        if (!experiment.containsKey("method")) {
            problems.add("method", "an experiment requires a method, which can be empty for only checking steady "
                    + "state hypothesis ");
            return;
        }
        if (!(experiment.get("method") instanceof List<?> method)) {
            problems.add("method", "the method must be a list of activities");
            return;
        }
        for (int i = 0; i < method.size(); i++) {
            String here = Problems.item("method", i);
            boolean ref = activities.validate(method.get(i), here, problems);
            Object name = ref ? ((Map<?, ?>) method.get(i)).get("ref") : null;
            if (name instanceof String s && !s.isEmpty() && index.find(s).isEmpty()) {
                problems.add(here + ".ref", "referenced activity '" + s + "' could not be found in the experiment");
            }
        }
    }

    void rollbacks(Map<?, ?> experiment, Problems problems) {
        Object rollbacks = experiment.get("rollbacks");
        if (rollbacks == null) {
            return;
        }
        if (!(rollbacks instanceof List<?> list)) {
            problems.add("rollbacks", "the rollbacks must be a list of activities");
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            activities.validate(list.get(i), Problems.item("rollbacks", i), problems);
        }
    }
}
