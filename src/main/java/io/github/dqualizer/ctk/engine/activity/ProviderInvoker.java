package io.github.dqualizer.ctk.engine.activity;

import io.github.dqualizer.ctk.engine.substitution.Substitutor;
import io.github.dqualizer.ctk.providers.ActivityFailedException;
import io.github.dqualizer.ctk.providers.PythonFunction;
import io.github.dqualizer.ctk.providers.PythonFunctionRegistry;
import io.github.dqualizer.ctk.providers.RunContext;
import io.github.dqualizer.ctk.providers.http.HttpProvider;
import io.github.dqualizer.ctk.providers.process.ExecutablePolicy;
import io.github.dqualizer.ctk.providers.process.ProcessProvider;
import io.github.dqualizer.ctk.providers.python.PythonProvider;
import io.github.dqualizer.ctk.pythonruntime.PythonOutcome;
import io.github.dqualizer.ctk.pythonruntime.PythonSession;
import io.github.dqualizer.ctk.pythonruntime.PythonUnavailableException;
import io.github.dqualizer.ctk.pyvalues.EnvLookup;
import io.github.dqualizer.ctk.pyvalues.PyValues;
import io.github.dqualizer.ctk.pyvalues.PythonError;
import io.github.dqualizer.ctk.safety.ChildEnvironment;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs an activity's provider with chaoslib's substitution rules per provider type (5.5, section 6). */
public final class ProviderInvoker {

    private final PythonFunctionRegistry registry;
    private final ProcessProvider process;
    private final HttpProvider http;
    private final PythonSession pythonSession;

    /**
     * @param pythonSession the run's Python worker, for python activities of modules that are not built in
     */
    public ProviderInvoker(PythonFunctionRegistry registry, EnvLookup env, HttpProvider http,
                           ExecutablePolicy executables, ChildEnvironment childEnvironment, PythonSession pythonSession) {
        this(registry, new ProcessProvider(env, executables, childEnvironment), http, pythonSession);
    }

    /** @param process the process provider of the run (its environment, allow-list and output limit) */
    public ProviderInvoker(PythonFunctionRegistry registry, ProcessProvider process, HttpProvider http,
                           PythonSession pythonSession) {
        this.registry = registry;
        this.process = process;
        this.http = http;
        this.pythonSession = pythonSession;
    }

    /** The run's Python worker (controls run through it too). */
    public PythonSession pythonSession() {
        return pythonSession;
    }

    /** @throws InterruptedException when the run is cancelled during the call */
    public Object run(Map<?, ?> activity, ProviderScope scope, RunContext context) throws InterruptedException {
        if (!(activity.get("provider") instanceof Map<?, ?> provider)) {
            throw new PythonError("KeyError", "'provider'");
        }
        Substitutor substitutor = scope.substitutor();
        String type = String.valueOf(provider.get("type"));
        return switch (type) {
            case "python" -> python(provider, scope, context);
            case "process" -> process.run(substituted(provider, substitutor, false));
            case "http" -> http.run(substituted(provider, substitutor, true));
            default -> throw new PythonError("chaoslib.exceptions.InvalidActivity",
                    "unknown provider type '" + type + "'");
        };
    }

    private Object python(Map<?, ?> provider, ProviderScope scope, RunContext context) throws InterruptedException {
        String module = String.valueOf(provider.get("module"));
        String func = String.valueOf(provider.get("func"));
        if (registry.find(module, func).isEmpty() && !registry.hasModule(module)) {
            return interpreted(provider, module, func, scope);
        }
        PythonFunction function = registry.find(module, func).orElseThrow(() ->
                new PythonError("AttributeError", "module '" + module + "' has no attribute '" + func + "'"));
        Object arguments = provider.get("arguments") == null ? new LinkedHashMap<>() : provider.get("arguments");
        if (scope.substitutor().hasValues()) {
            arguments = scope.substitutor().apply(arguments);
        }
        if (!(arguments instanceof Map<?, ?> args)) {
            throw new PythonError("TypeError", "argument after ** must be a mapping, not "
                    + PyValues.typeName(arguments));
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        args.forEach((k, v) -> copy.put(String.valueOf(k), v));
        Map<String, Object> secrets = provider.containsKey("secrets") ? mergeScopes(provider.get("secrets"), scope) : null;
        return PythonProvider.call(function, copy, scope.configuration(), secrets, context);
    }

    /** A module that is not built in: the run's Python worker calls it (6.1). */
    private Object interpreted(Map<?, ?> provider, String module, String func, ProviderScope scope)
            throws InterruptedException {
        Object arguments = provider.get("arguments") == null ? new LinkedHashMap<>() : provider.get("arguments");
        if (scope.substitutor().hasValues()) {
            arguments = scope.substitutor().apply(arguments);
        }
        if (!(arguments instanceof Map<?, ?> args)) {
            throw new PythonError("AttributeError", "'" + PyValues.typeName(arguments) + "' object has no attribute 'copy'");
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        args.forEach((k, v) -> copy.put(String.valueOf(k), v));
        PythonOutcome outcome;
        try {
            outcome = pythonSession.call(module, func, copy, scope.configuration(), scope.secrets(),
                    provider.containsKey("secrets") ? provider.get("secrets") : null);
        } catch (PythonUnavailableException e) {
            throw new PythonError("RuntimeError", "python module '" + module + "' is not built into the service and "
                    + "needs Python, but " + e.getMessage());
        }
        if (outcome instanceof PythonOutcome.Returned returned) {
            return returned.value();
        }
        if (outcome instanceof PythonOutcome.Failed failed) {
            throw new ActivityFailedException(failed.message(), failed.exception());
        }
        if (outcome instanceof PythonOutcome.Crashed crashed) {
            throw new PythonError(crashed.type(), crashed.message());
        }
        PythonOutcome.Interrupted interrupted = (PythonOutcome.Interrupted) outcome;
        throw new InterruptedException(interrupted.type() + " raised by " + module + "." + func);
    }

    /** The listed scopes merged in order; a string is iterated character-wise as Python would. */
    private static Map<String, Object> mergeScopes(Object names, ProviderScope scope) {
        Map<String, Object> merged = new LinkedHashMap<>();
        Iterable<?> list = names instanceof List<?> l ? l
                : names instanceof String s ? s.chars().mapToObj(c -> String.valueOf((char) c)).toList() : List.of();
        for (Object name : list) {
            if (scope.secrets().get(String.valueOf(name)) instanceof Map<?, ?> values) {
                values.forEach((k, v) -> merged.put(String.valueOf(k), v));
            }
        }
        return merged;
    }

    /** process: arguments only (when truthy and there are values); http: url, headers, timeout always too. */
    private static Map<String, Object> substituted(Map<?, ?> provider, Substitutor substitutor, boolean http) {
        Map<String, Object> copy = new LinkedHashMap<>();
        provider.forEach((k, v) -> copy.put(String.valueOf(k), v));
        if (PyValues.truthy(copy.get("arguments")) && substitutor.hasValues()) {
            copy.put("arguments", substitutor.apply(copy.get("arguments")));
        }
        if (http) {
            for (String key : List.of("url", "headers", "timeout")) {
                if (copy.containsKey(key)) {
                    copy.put(key, substitutor.apply(copy.get(key)));
                }
            }
        }
        return copy;
    }
}
