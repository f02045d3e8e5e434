package io.github.dqualizer.ctk.engine;

import io.github.dqualizer.ctk.engine.activity.ProviderInvoker;
import io.github.dqualizer.ctk.engine.run.RunStarter;
import io.github.dqualizer.ctk.experiment.EngineProperties;
import io.github.dqualizer.ctk.experiment.validation.ControlsValidator;
import io.github.dqualizer.ctk.providers.PythonFunctionRegistry;
import io.github.dqualizer.ctk.providers.http.HttpProvider;
import io.github.dqualizer.ctk.providers.process.ExecutablePolicy;
import io.github.dqualizer.ctk.providers.process.ProcessProvider;
import io.github.dqualizer.ctk.pythonruntime.PythonRuntime;
import io.github.dqualizer.ctk.pythonruntime.PythonSession;
import io.github.dqualizer.ctk.pyvalues.EnvLookup;
import io.github.dqualizer.ctk.safety.ChildEnvironment;
import io.github.dqualizer.ctk.safety.OutboundHosts;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Runs a validated CTK experiment like chaoslib's {@code run_experiment} and returns its journal. Runs are
 * independent: each gets its own session, pools and state.
 */
@Component
public class ExperimentRunner {

    private final PythonFunctionRegistry registry;
    private final List<RunListener> listeners;
    private final HttpProvider http;
    private final ExecutablePolicy executables;
    private final ChildEnvironment childEnvironment;
    private final DataSize maxOutputSize;
    private final PythonRuntime python;
    private final Map<String, Map<String, Object>> globalControls;
    private final boolean ignoreControls;
    private final EnvLookup env;

    /** The one constructor, Spring's; tests build it the same way (ctktest.TestEngine). */
    public ExperimentRunner(PythonFunctionRegistry registry, List<RunListener> listeners, EngineProperties properties,
                            ExecutablePolicy executables, ChildEnvironment childEnvironment, PythonRuntime python,
                            ControlsProperties controls, OutboundHosts outboundHosts) {
        this.registry = registry;
        this.python = python;
        this.globalControls = controls.global();
        this.listeners = List.copyOf(listeners);
        this.ignoreControls = properties.ignoreControls();
        this.executables = executables;
        this.childEnvironment = childEnvironment;
        this.maxOutputSize = properties.maxOutputSize();
        this.http = new HttpProvider(maxOutputSize, outboundHosts);
        // env configuration and secrets never see the service's own variables, even in runs queued before an upgrade
        this.env = childEnvironment::lookup;
    }

    /** Whether the run may call Python: controls in effect, or a python provider of a module that is not built in. */
    private boolean needsPython(Map<String, Object> experiment) {
        if (experiment == null) {
            return false;
        }
        if (!ignoreControls && (!globalControls.isEmpty() || !ControlsValidator.collect(experiment).isEmpty())) {
            return true;
        }
        return hasInterpretedProvider(experiment);
    }

    private boolean hasInterpretedProvider(Object value) {
        if (value instanceof Map<?, ?> map) {
            if ("python".equals(map.get("type")) && map.get("module") instanceof String module
                    && registry.find(module, String.valueOf(map.get("func"))).isEmpty() && !registry.hasModule(module)) {
                return true;
            }
            for (Object child : map.values()) {
                if (hasInterpretedProvider(child)) {
                    return true;
                }
            }
        } else if (value instanceof List<?> list) {
            for (Object child : list) {
                if (hasInterpretedProvider(child)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Runs on the calling thread (plus pools for background activities and the continuous hypothesis).
     * Never throws and never returns null; interrupting the calling thread cancels the run.
     */
    public Map<String, Object> run(Map<String, Object> experiment, RunOptions options) {
        // one Python worker per run; closing it leaves no Python process
        try (PythonSession session = python.session(options.runId())) {
            if (needsPython(experiment)) {
                session.prestart(); // in parallel with the run's preparation and first activities
            }
            ProviderInvoker providers = new ProviderInvoker(registry,
                    new ProcessProvider(env, executables, childEnvironment, maxOutputSize), http, session);
            return new RunStarter(providers, listeners, env, ignoreControls, globalControls).run(experiment, options);
        } catch (RuntimeException e) {
            // last resort: the contract is a journal, whatever happened
            Map<String, Object> journal = new java.util.LinkedHashMap<>();
            journal.put("chaoslib-version", io.github.dqualizer.ctk.engine.journal.EngineInfo.CHAOSLIB_VERSION);
            journal.put("status", "aborted");
            journal.put("deviated", false);
            journal.put(io.github.dqualizer.ctk.engine.journal.JournalWriter.SERVICE_KEY,
                    Map.of("errors", List.of("the run could not be started: " + e.getClass().getSimpleName())));
            return journal;
        }
    }
}
