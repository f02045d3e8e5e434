package ctktest;

import io.github.dqualizer.ctk.engine.ControlsProperties;
import io.github.dqualizer.ctk.engine.ExperimentRunner;
import io.github.dqualizer.ctk.engine.RunListener;
import io.github.dqualizer.ctk.experiment.EngineProperties;
import io.github.dqualizer.ctk.experiment.ExperimentValidator;
import io.github.dqualizer.ctk.providers.process.ExecutablePolicy;
import io.github.dqualizer.ctk.pythonruntime.PythonRuntime;
import io.github.dqualizer.ctk.safety.ChildEnvironment;
import io.github.dqualizer.ctk.safety.EnvironmentProperties;
import io.github.dqualizer.ctk.safety.OutboundHosts;
import java.util.List;
import java.util.Map;

/**
 * Builds the engine's runner and validator outside Spring the way the application's context does: with their one
 * production constructor and configuration records ({@link EngineProperties}, {@link ControlsProperties}, a {@link
 * ChildEnvironment} over the given environment), over the test functions' registry. Defaults match an unconfigured
 * service: controls honoured, every executable and host allowed, the real environment, the default Python runtime.
 */
public final class TestEngine {

    private List<RunListener> listeners = List.of();
    private Map<String, String> environment = System.getenv();
    private boolean ignoreControls;
    private PythonRuntime python;
    private ControlsProperties controls = ControlsProperties.none();

    private TestEngine() {
    }

    public static TestEngine engine() {
        return new TestEngine();
    }

    public static ExperimentRunner runner() {
        return engine().newRunner();
    }

    public static ExperimentValidator validator() {
        return engine().newValidator();
    }

    public TestEngine listeners(List<RunListener> listeners) {
        this.listeners = listeners;
        return this;
    }

    /** The service's OS environment as {@link System#getenv()} would give it; its own variables stay withheld. */
    public TestEngine environment(Map<String, String> environment) {
        this.environment = environment;
        return this;
    }

    /** {@code ctk.engine.ignore-controls}. */
    public TestEngine ignoreControls(boolean ignoreControls) {
        this.ignoreControls = ignoreControls;
        return this;
    }

    public TestEngine python(PythonRuntime python) {
        this.python = python;
        return this;
    }

    /** {@code ctk.controls.*}. */
    public TestEngine controls(ControlsProperties controls) {
        this.controls = controls;
        return this;
    }

    public ExperimentRunner newRunner() {
        EngineProperties defaults = EngineProperties.defaults();
        return new ExperimentRunner(TestFunctions.registry(), listeners,
                new EngineProperties(ignoreControls, defaults.maxOutputSize()), ExecutablePolicy.allowAll(),
                childEnvironment(), python(), controls, OutboundHosts.any());
    }

    public ExperimentValidator newValidator() {
        EngineProperties defaults = EngineProperties.defaults();
        return new ExperimentValidator(TestFunctions.registry(),
                new EngineProperties(ignoreControls, defaults.maxOutputSize()), ExecutablePolicy.allowAll(),
                childEnvironment(), python());
    }

    private ChildEnvironment childEnvironment() {
        return new ChildEnvironment(EnvironmentProperties.defaults(), List.of(), environment);
    }

    private PythonRuntime python() {
        return python != null ? python : PythonRuntime.withDefaults();
    }
}
