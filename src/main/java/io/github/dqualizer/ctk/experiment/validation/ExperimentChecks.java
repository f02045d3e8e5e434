package io.github.dqualizer.ctk.experiment.validation;

import io.github.dqualizer.ctk.experiment.ActivityIndex;
import io.github.dqualizer.ctk.providers.PythonFunctionRegistry;
import io.github.dqualizer.ctk.providers.process.ExecutablePolicy;
import io.github.dqualizer.ctk.pythonruntime.PythonInspection;
import io.github.dqualizer.ctk.pyvalues.EnvLookup;
import java.util.Map;

/** Runs the structural checks of one validation in chaoslib's order. */
public final class ExperimentChecks {

    private final ActivityValidator activities;
    private final StructureValidator structure;
    private final HypothesisValidator hypothesis;
    private final boolean ignoreControls;
    private final PythonInspection python;

    /** @param python this validation's import checks of modules that are not built in */
    public ExperimentChecks(PythonFunctionRegistry registry, EnvLookup env, boolean ignoreControls,
                            ExecutablePolicy executables, PythonInspection python) {
        this.activities = new ActivityValidator(registry, env, executables, python);
        this.python = python;
        this.structure = new StructureValidator(activities);
        this.hypothesis = new HypothesisValidator(activities);
        this.ignoreControls = ignoreControls;
    }

    /** Steps 1–5: title, description, tags, extensions. */
    public void header(Map<String, Object> experiment, Problems problems) {
        structure.header(experiment, problems);
    }

    /** Steps 8–13: hypothesis, method, rollbacks, controls. */
    public void body(Map<String, Object> experiment, Problems problems) {
        hypothesis.validate(experiment, problems);
        structure.method(experiment, ActivityIndex.of(experiment), problems);
        structure.rollbacks(experiment, problems);
        ControlsValidator.validate(experiment, ignoreControls, python, problems);
        RuntimeValidator.validate(experiment, problems);
    }
}
