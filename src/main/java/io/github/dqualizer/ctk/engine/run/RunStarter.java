package io.github.dqualizer.ctk.engine.run;

import io.github.dqualizer.ctk.engine.RunListener;
import io.github.dqualizer.ctk.engine.RunOptions;
import io.github.dqualizer.ctk.engine.RunStop;
import io.github.dqualizer.ctk.engine.activity.ProviderInvoker;
import io.github.dqualizer.ctk.engine.activity.ProviderScope;
import io.github.dqualizer.ctk.engine.activity.RunInterruptedException;
import io.github.dqualizer.ctk.engine.control.RunControls;
import io.github.dqualizer.ctk.engine.journal.JournalState;
import io.github.dqualizer.ctk.engine.journal.JournalWriter;
import io.github.dqualizer.ctk.engine.journal.SecretMasker;
import io.github.dqualizer.ctk.engine.journal.Timestamps;
import io.github.dqualizer.ctk.experiment.ActivityIndex;
import io.github.dqualizer.ctk.experiment.configuration.ConfigurationLoader;
import io.github.dqualizer.ctk.experiment.configuration.SecretsLoader;
import io.github.dqualizer.ctk.experiment.validation.ControlsValidator;
import io.github.dqualizer.ctk.providers.RunContext;
import io.github.dqualizer.ctk.pyvalues.EnvLookup;
import io.github.dqualizer.ctk.pyvalues.PythonError;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Prepares one run (3.1: configuration, secrets, dynamic configuration, title), runs it, writes the journal. */
public final class RunStarter {

    private static final Logger LOG = LoggerFactory.getLogger(RunStarter.class);
    private static final Set<String> FINAL_STATUSES = Set.of("completed", "failed", "aborted", "interrupted");

    private final ProviderInvoker providers;
    private final List<RunListener> listeners;
    private final EnvLookup env;
    private final boolean ignoreControls;
    private final Map<String, Map<String, Object>> globalControls;

    /** @param globalControls controls applied to every run ({@code ctk.controls.global}), by name */
    public RunStarter(ProviderInvoker providers, List<RunListener> listeners, EnvLookup env, boolean ignoreControls,
                      Map<String, Map<String, Object>> globalControls) {
        this.providers = providers;
        this.listeners = listeners;
        this.env = env;
        this.ignoreControls = ignoreControls;
        this.globalControls = globalControls;
    }

    public Map<String, Object> run(Map<String, Object> input, RunOptions options) {
        JournalState journal = new JournalState();
        Map<String, Object> experiment = Documents.deepCopy(input == null ? Map.of() : input);
        experiment.put("dry", options.dry() == null ? null : options.dry().cliName());
        List<String> errors = new ArrayList<>();
        Map<String, Object> configuration = ConfigurationLoader.load(experiment.get("configuration"), env,
                (location, e) -> errors.add(location + ": " + e.getMessage()));
        Map<String, Object> secrets = SecretsLoader.load(experiment.get("secrets"), env,
                (location, e) -> errors.add(location + ": " + e.getMessage()));
        SecretMasker masker = SecretMasker.of(secrets);
        RunContext context = new RunContext(options.runId(),
                Collections.unmodifiableMap(masker.maskMap(experiment)), new ConcurrentHashMap<>());
        Listeners events = new Listeners(listeners, context, masker);
        List<String> ignored = ignoredControls(experiment);
        boolean interrupted = false;
        RunStop stop = options.stop() != null ? options.stop() : RunStop.forCurrentThread();
        RunControls controls = RunControls.none();
        try {
            RuntimeSettings settings = RuntimeSettings.from(experiment);
            if (!errors.isEmpty()) {
                throw new PythonError("chaoslib.exceptions.InvalidExperiment", String.join("; ", errors));
            }
            events.runStarted();
            Map<String, Object> resolved = DynamicConfiguration.resolve(configuration, secrets, providers, context);
            ProviderScope scope = ProviderScope.of(resolved, secrets);
            if (experiment.containsKey("title")) {
                experiment.put("title", scope.substitutor().apply(experiment.get("title")));
            }
            controls = controls(experiment, scope);
            controls.initialize();
            RunSession session = new RunSession(options.runId(), experiment, scope, options.dry(),
                    ActivityIndex.of(experiment), masker, context, events, journal, controls);
            interrupted = new RunPhases(session, settings, providers, stop).run(options.rollbacksOnly());
        } catch (RunInterruptedException e) {
            journal.status("interrupted");
            interrupted = true;
        } catch (PythonError e) {
            journal.errors().add(e.describe());
            journal.status("aborted");
        } catch (RuntimeException | StackOverflowError e) {
            LOG.error("run {} crashed", options.runId(), e);
            journal.errors().add(e.toString());
            journal.status("aborted");
        }
        if (!FINAL_STATUSES.contains(String.valueOf(journal.status()))) {
            journal.status("completed");
        }
        Map<String, Object> result = JournalWriter.write(journal, experiment, Timestamps.now(), ignored, masker);
        stop.ended();
        result = finishControls(controls, experiment, result, masker);
        events.runFinished(result);
        if (interrupted) {
            Thread.currentThread().interrupt(); // tell the caller its cancellation was honoured
        }
        return result;
    }

    private RunControls controls(Map<String, Object> experiment, ProviderScope scope) {
        if (ignoreControls || (globalControls.isEmpty() && ControlsValidator.collect(experiment).isEmpty())) {
            return RunControls.none();
        }
        return new RunControls(providers.pythonSession(), globalControls, experiment, scope);
    }

    /**
     * The experiment's after-controls get the journal (they may add to it; chaoslib swallows their errors here),
     * then every control is cleaned up. A cancellation that already ended the run does not cut them short.
     */
    private static Map<String, Object> finishControls(RunControls controls, Map<String, Object> experiment,
            Map<String, Object> journal, SecretMasker masker) {
        if (controls == RunControls.none()) {
            return journal;
        }
        boolean interrupted = Thread.interrupted();
        try {
            controls.after("experiment", experiment, journal);
        } catch (RuntimeException e) {
            LOG.debug("after-experiment controls failed: {}", e.getMessage());
        } finally {
            try {
                controls.cleanup();
            } catch (RuntimeException e) {
                LOG.debug("control cleanup failed: {}", e.getMessage());
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        return masker.maskMap(journal);
    }

    private List<String> ignoredControls(Map<String, Object> experiment) {
        if (!ignoreControls) {
            return List.of();
        }
        List<String> ignored = new ArrayList<>();
        ControlsValidator.collect(experiment).forEach((location, controls) -> {
            for (Object control : controls) {
                Object name = control instanceof Map<?, ?> m ? m.get("name") : control;
                ignored.add(location + ": " + name);
            }
        });
        return ignored;
    }
}
