package io.github.dqualizer.ctk.engine.control;

import io.github.dqualizer.ctk.engine.activity.ProviderScope;
import io.github.dqualizer.ctk.engine.activity.RunInterruptedException;
import io.github.dqualizer.ctk.engine.run.Documents;
import io.github.dqualizer.ctk.pythonruntime.ControlOutcome;
import io.github.dqualizer.ctk.pythonruntime.PythonSession;
import io.github.dqualizer.ctk.pythonruntime.PythonUnavailableException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The controls of one run, as chaoslib's {@code chaoslib.control} applies them (ctk-semantics.md §10): global
 * controls (service configuration) and the experiment's, {@code configure_control} once per name at the start,
 * {@code before_/after_<level>_control} around the experiment, hypothesis, method, rollbacks and each activity,
 * {@code cleanup_control} at the end. Hooks run in the run's Python worker; their exceptions are swallowed except
 * {@code InterruptExecution}, which interrupts the run.
 */
public final class RunControls {

    private static final Logger log = LoggerFactory.getLogger(RunControls.class);
    private static final RunControls NONE = new RunControls(null, List.of(), Map.of(), null, null);

    private final PythonSession python;
    private final List<Map<String, Object>> global;
    private final Map<String, Object> experiment;
    private final ProviderScope scope;
    private final Map<String, Object> settings;

    /**
     * @param global     the global controls by name ({@code ctk.controls.global}), in declaration order
     * @param experiment the run's working document
     */
    public RunControls(PythonSession python, Map<String, Map<String, Object>> global, Map<String, Object> experiment,
            ProviderScope scope) {
        this(python, named(global), experiment, scope,
                global.isEmpty() ? null : Map.of("controls", Documents.copy(global)));
    }

    private RunControls(PythonSession python, List<Map<String, Object>> global, Map<String, Object> experiment,
            ProviderScope scope, Map<String, Object> settings) {
        this.python = python;
        this.global = new ArrayList<>(global);
        this.experiment = experiment;
        this.scope = scope;
        this.settings = settings;
    }

    /** Controls switched off ({@code ctk.engine.ignore-controls}) or none declared. */
    public static RunControls none() {
        return NONE;
    }

    /**
     * {@code load_global_controls} + {@code initialize_global_controls} + {@code initialize_controls}: a global
     * control whose module cannot be imported or whose {@code configure_control} fails is dropped; an experiment
     * control is configured once per name and kept even when that fails.
     */
    public void initialize() {
        if (this == NONE) {
            return;
        }
        for (Map<String, Object> control : List.copyOf(global)) {
            ControlOutcome outcome = configure(control);
            if (outcome == null || "module".equals(outcome.missing()) || outcome.failed()) {
                global.remove(control);
            }
        }
        List<Object> seen = new ArrayList<>();
        for (Map<String, Object> control : ControlsOfExperiment.all(experiment)) {
            Object name = control.get("name");
            if (name == null || seen.contains(name)) {
                continue;
            }
            seen.add(name);
            configure(control);
        }
    }

    /** {@code before_<level>_control} of every control that applies to {@code context}. */
    public void before(String level, Map<String, Object> context) {
        apply(level, "before", context, null);
    }

    /**
     * {@code after_<level>_control}; the hooks may change {@code state} (and {@code context}, the configuration and
     * the secrets), and the run sees the change.
     */
    public void after(String level, Map<String, Object> context, Object state) {
        apply(level, "after", context, state);
    }

    /** {@code cleanup_control} of the experiment's controls (once per name), then of the global ones. */
    public void cleanup() {
        if (this == NONE) {
            return;
        }
        List<Object> seen = new ArrayList<>();
        List<Map<String, Object>> cleanups = new ArrayList<>();
        for (Map<String, Object> control : ControlsOfExperiment.all(experiment)) {
            Object name = control.get("name");
            if (name != null && !seen.contains(name)) {
                seen.add(name);
                cleanups.add(control);
            }
        }
        cleanups.addAll(global);
        for (Map<String, Object> control : cleanups) {
            call(control, "cleanup_control", Map.of(), null, false, Map.of());
        }
    }

    private ControlOutcome configure(Map<String, Object> control) {
        Map<String, Object> inject = new LinkedHashMap<>();
        inject.put("experiment", experiment);
        inject.put("secrets", scope.secrets());
        inject.put("configuration", scope.configuration());
        inject.put("settings", settings);
        Object arguments = provider(control).get("arguments");
        ControlOutcome outcome = call(control, "configure_control", arguments == null ? Map.of() : arguments, null,
                false, inject);
        if (outcome != null && outcome.failed()) {
            log.debug("configure_control of control '{}' failed: {}", control.get("name"), outcome.errorType());
        }
        return outcome;
    }

    private void apply(String level, String when, Map<String, Object> context, Object state) {
        if (this == NONE) {
            return;
        }
        for (Map<String, Object> control : ContextControls.of(level, global, experiment, context)) {
            Object target = control.get("scope");
            if (target != null && !"".equals(target) && !when.equals(target)) {
                continue;
            }
            Object arguments = Documents.copy(Objects.requireNonNullElse(provider(control).get("arguments"), Map.of()));
            if (!scope.configuration().isEmpty() || !scope.secrets().isEmpty()) {
                arguments = scope.substitutor().apply(arguments);
            }
            Map<String, Object> inject = new LinkedHashMap<>();
            inject.put("secrets", scope.secrets());
            inject.put("configuration", scope.configuration());
            inject.put("state", state);
            inject.put("experiment", experiment);
            inject.put("extensions", experiment.get("extensions"));
            inject.put("settings", settings);
            ControlOutcome outcome = call(control, when + "_" + level + "_control", arguments, context, true, inject);
            if (outcome == null) {
                continue;
            }
            applyChanges(outcome.mutated(), context, state);
            if (outcome.interrupt()) {
                throw new RunInterruptedException(capitalized(when) + "-control '" + control.get("name")
                        + "' interrupted the execution: " + outcome.errorMessage());
            }
            if (outcome.failed()) {
                log.debug("{}-control '{}' failed on {}: {}", when, control.get("name"), level, outcome.errorType());
            }
        }
    }

    /** Only python providers do anything, as in chaoslib; {@code null} when nothing was called. */
    private ControlOutcome call(Map<String, Object> control, String hook, Object arguments, Object context,
            boolean withContext, Map<String, Object> inject) {
        Map<String, Object> provider = provider(control);
        if (!"python".equals(provider.get("type")) || provider.get("module") == null) {
            return null;
        }
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> args = arguments instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
            ControlOutcome outcome = python.control(String.valueOf(provider.get("module")), hook, args, context,
                    withContext, inject);
            return "hook".equals(outcome.missing()) ? null : outcome;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunInterruptedException("interrupted while running control '" + control.get("name") + "'");
        } catch (PythonUnavailableException e) {
            log.warn("control '{}' skipped: {}", control.get("name"), e.getMessage());
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    private void applyChanges(Map<String, Object> mutated, Map<String, Object> context, Object state) {
        if (mutated.get("context") instanceof Map<?, ?> changed && context != null && !changed.equals(context)) {
            replace(context, (Map<String, Object>) changed);
        }
        if (mutated.get("state") instanceof Map<?, ?> changed && state instanceof Map<?, ?> current
                && !changed.equals(current)) {
            replace((Map<String, Object>) current, (Map<String, Object>) changed);
        } else if (mutated.get("state") instanceof List<?> changed && state instanceof List<?> current
                && !changed.equals(current)) {
            List<Object> list = (List<Object>) current;
            synchronized (list) {
                list.clear();
                list.addAll(changed);
            }
        }
        if (mutated.get("configuration") instanceof Map<?, ?> changed && !changed.equals(scope.configuration())) {
            replace(scope.configuration(), (Map<String, Object>) changed);
        }
        if (mutated.get("secrets") instanceof Map<?, ?> changed && !changed.equals(scope.secrets())) {
            replace(scope.secrets(), (Map<String, Object>) changed);
        }
    }

    private static void replace(Map<String, Object> target, Map<String, Object> values) {
        synchronized (target) {
            target.clear();
            target.putAll(values);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> provider(Map<String, Object> control) {
        return control.get("provider") instanceof Map<?, ?> p ? (Map<String, Object>) p : Map.of();
    }

    private static List<Map<String, Object>> named(Map<String, Map<String, Object>> global) {
        List<Map<String, Object>> controls = new ArrayList<>();
        global.forEach((name, definition) -> {
            Map<String, Object> control = Documents.deepCopy(definition);
            control.put("name", name);
            controls.add(Collections.unmodifiableMap(control));
        });
        return controls;
    }

    private static String capitalized(String when) {
        return Character.toUpperCase(when.charAt(0)) + when.substring(1);
    }
}
