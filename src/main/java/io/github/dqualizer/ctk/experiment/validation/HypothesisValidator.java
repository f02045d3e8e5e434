package io.github.dqualizer.ctk.experiment.validation;

import static io.github.dqualizer.ctk.experiment.validation.Checks.falsy;
import static io.github.dqualizer.ctk.experiment.validation.Problems.child;

import java.util.List;
import java.util.Map;

/** Section 2.4: hypothesis title, probes and their tolerances (hypothesis refs are not resolved). */
final class HypothesisValidator {

    private final ActivityValidator activities;
    private final ToleranceValidator tolerances;

    HypothesisValidator(ActivityValidator activities) {
        this.activities = activities;
        this.tolerances = new ToleranceValidator(activities);
    }

    void validate(Map<?, ?> experiment, Problems problems) {
        String location = "steady-state-hypothesis";
        if (!experiment.containsKey(location)) {
            return;
        }
        Object value = experiment.get(location);
        if (!(value instanceof Map<?, ?> hypothesis)) {
            problems.add(location, "the steady state hypothesis must be an object");
            return;
        }
        if (falsy(hypothesis.get("title"))) {
            problems.add(child(location, "title"), "hypothesis requires a title");
        }
        Object probes = hypothesis.get("probes");
        if (falsy(probes)) {
            return;
        }
        if (!(probes instanceof List<?> list)) {
            problems.add(child(location, "probes"), "hypothesis probes must be a list of activities");
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            String here = Problems.item(child(location, "probes"), i);
            activities.validate(list.get(i), here, problems);
            if (!(list.get(i) instanceof Map<?, ?> probe)) {
                continue;
            }
            if (!probe.containsKey("tolerance")) {
                problems.add(here, "hypothesis probe must have a tolerance entry");
            } else {
                tolerances.validate(probe.get("tolerance"), child(here, "tolerance"), problems);
            }
        }
    }
}
