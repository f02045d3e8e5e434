package io.github.dqualizer.ctk.engine;

import io.github.dqualizer.ctk.providers.PythonFunctionRegistry;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Runs a validated CTK experiment like chaoslib's {@code run_experiment} and returns its journal. */
@Component
public class ExperimentRunner {

    private final PythonFunctionRegistry registry;
    private final List<RunListener> listeners;

    public ExperimentRunner(PythonFunctionRegistry registry, List<RunListener> listeners) {
        this.registry = registry;
        this.listeners = List.copyOf(listeners);
    }

    /** Runs on the calling thread; never throws, never returns null. */
    public Map<String, Object> run(Map<String, Object> experiment, RunOptions options) {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
