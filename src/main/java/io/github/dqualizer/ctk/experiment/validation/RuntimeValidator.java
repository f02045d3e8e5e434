package io.github.dqualizer.ctk.experiment.validation;

import static io.github.dqualizer.ctk.experiment.validation.Checks.falsy;

import java.util.List;
import java.util.Map;

/**
 * The experiment's {@code runtime} block as {@code chaos run} reads it (1.7): the CLI refuses an unknown hypothesis
 * strategy before running anything, so it is a validation problem here (the engine would abort the run).
 */
final class RuntimeValidator {

    /** The CLI's strategy strings, including its misspelling {@code continously}. */
    static final List<String> HYPOTHESIS_STRATEGIES = List.of("default", "before-method-only", "after-method-only",
            "during-method-only", "continuously", "continously", "skip");

    private RuntimeValidator() {
    }

    static void validate(Map<?, ?> experiment, Problems problems) {
        if (falsy(experiment.get("runtime")) || !(experiment.get("runtime") instanceof Map<?, ?> runtime)
                || !(runtime.get("hypothesis") instanceof Map<?, ?> hypothesis) || hypothesis.get("strategy") == null) {
            return;
        }
        Object strategy = hypothesis.get("strategy");
        if (!HYPOTHESIS_STRATEGIES.contains(strategy)) {
            problems.add("runtime.hypothesis.strategy", "Unknown strategy: '" + strategy + "'; the hypothesis strategy "
                    + "is one of default, before-method-only, after-method-only, during-method-only, continuously, skip");
        }
    }
}
