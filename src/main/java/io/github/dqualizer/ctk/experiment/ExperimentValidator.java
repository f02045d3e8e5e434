package io.github.dqualizer.ctk.experiment;

import io.github.dqualizer.ctk.experiment.configuration.ConfigurationLoader;
import io.github.dqualizer.ctk.experiment.configuration.LoadErrors;
import io.github.dqualizer.ctk.experiment.configuration.SecretsLoader;
import io.github.dqualizer.ctk.experiment.validation.EnvironmentReferences;
import io.github.dqualizer.ctk.experiment.validation.ExperimentChecks;
import io.github.dqualizer.ctk.experiment.validation.Problems;
import io.github.dqualizer.ctk.providers.PythonFunctionRegistry;
import io.github.dqualizer.ctk.providers.process.ExecutablePolicy;
import io.github.dqualizer.ctk.pythonruntime.PythonInspection;
import io.github.dqualizer.ctk.pythonruntime.PythonRuntime;
import io.github.dqualizer.ctk.pyvalues.EnvLookup;
import io.github.dqualizer.ctk.safety.ChildEnvironment;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * chaoslib's {@code ensure_experiment_is_valid} (section 2), reporting every problem instead of the first;
 * python providers are resolved against the {@link PythonFunctionRegistry}, other modules imported by a Python
 * worker ({@link PythonInspection}). Blocks while Python imports: call it off the event loop.
 */
@Component
public class ExperimentValidator {

    private static final Logger log = LoggerFactory.getLogger(ExperimentValidator.class);

    private final PythonFunctionRegistry registry;
    private final ExecutablePolicy executables;
    private final EnvironmentReferences environmentReferences;
    private final PythonRuntime python;
    private final boolean ignoreControls;
    private final EnvLookup env;

    /** The one constructor, Spring's; tests build it the same way (ctktest.TestEngine). */
    public ExperimentValidator(PythonFunctionRegistry registry, EngineProperties properties,
                               ExecutablePolicy executables, ChildEnvironment childEnvironment, PythonRuntime python) {
        this.registry = registry;
        this.python = python;
        this.ignoreControls = properties.ignoreControls();
        this.executables = executables;
        this.environmentReferences = new EnvironmentReferences(childEnvironment);
        this.env = childEnvironment::lookup;
    }

    /** All problems found, empty when the experiment is valid; never throws. */
    public List<ValidationProblem> validate(Map<String, Object> experiment) {
        Problems problems = new Problems();
        try (PythonInspection inspection = python.inspection()) {
            if (experiment == null || experiment.isEmpty()) {
                problems.add("", "an empty experiment is not an experiment");
                return problems.toList();
            }
            ExperimentChecks checks = new ExperimentChecks(registry, env, ignoreControls, executables, inspection);
            checks.header(experiment, problems);
            // the service's own variables first: a refused env entry is not reported again as missing
            Set<String> refused = environmentReferences.check(experiment, problems);
            LoadErrors report = (location, error) -> {
                if (!refused.contains(location)) {
                    problems.add(location, error.getMessage());
                }
            };
            loadBlocks(experiment, problems, report);
            checks.body(experiment, problems);
        } catch (RuntimeException | StackOverflowError e) {
            // a validator must never fail the request; the client gets no internals (class names, traces)
            log.warn("Validation of an experiment broke; answered as invalid", e);
            problems.add("", "the experiment could not be validated: its structure is not a valid Chaos Toolkit experiment");
        }
        return problems.toList();
    }

    private void loadBlocks(Map<String, Object> experiment, Problems problems, LoadErrors report) {
        Object configuration = experiment.get("configuration");
        if (configuration != null && !(configuration instanceof Map)) {
            problems.add("configuration", "the configuration must be an object");
        }
        ConfigurationLoader.load(configuration, env, report);
        Object secrets = experiment.get("secrets");
        if (secrets != null && !(secrets instanceof Map)) {
            problems.add("secrets", "the secrets must be an object");
        } else if (secrets instanceof Map<?, ?> scopes) {
            scopes.forEach((scope, value) -> {
                if (value != null && !(value instanceof Map)) {
                    problems.add("secrets." + scope, "a secrets scope must be an object");
                }
            });
        }
        SecretsLoader.load(secrets, env, report);
    }
}
