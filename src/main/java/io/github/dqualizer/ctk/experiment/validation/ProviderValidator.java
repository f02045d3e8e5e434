package io.github.dqualizer.ctk.experiment.validation;

import static io.github.dqualizer.ctk.experiment.validation.Checks.falsy;
import static io.github.dqualizer.ctk.experiment.validation.Problems.child;

import io.github.dqualizer.ctk.providers.FunctionParameter;
import io.github.dqualizer.ctk.providers.PythonFunction;
import io.github.dqualizer.ctk.providers.PythonFunctionRegistry;
import io.github.dqualizer.ctk.providers.process.ExecutableLocator;
import io.github.dqualizer.ctk.providers.process.ExecutablePolicy;
import io.github.dqualizer.ctk.pythonruntime.PythonInspection;
import io.github.dqualizer.ctk.pythonruntime.PythonUnavailableException;
import io.github.dqualizer.ctk.pyvalues.EnvLookup;
import java.util.Map;
import java.util.Optional;

/** Provider-specific checks of section 2.3 (python against the registry, process path, http url/headers). */
final class ProviderValidator {

    private final PythonFunctionRegistry registry;
    private final EnvLookup env;
    private final ExecutablePolicy executables;
    private final PythonInspection python;

    ProviderValidator(PythonFunctionRegistry registry, EnvLookup env, ExecutablePolicy executables,
                      PythonInspection python) {
        this.registry = registry;
        this.env = env;
        this.executables = executables;
        this.python = python;
    }

    void validate(Map<?, ?> activity, Map<?, ?> provider, String location, Problems problems) {
        switch (String.valueOf(provider.get("type"))) {
            case "python" -> python(activity, provider, location, problems);
            case "process" -> process(activity, provider, location, problems);
            case "http" -> http(provider, location, problems);
            default -> {
            }
        }
    }

    private void python(Map<?, ?> activity, Map<?, ?> provider, String location, Problems problems) {
        Object module = provider.get("module");
        Object func = provider.get("func");
        if (falsy(module)) {
            problems.add(child(location, "module"), "a Python activity must have a module path");
        }
        if (falsy(func)) {
            problems.add(child(location, "func"), "a Python activity must have a function name");
        }
        if (falsy(module) || falsy(func)) {
            return;
        }
        String name = String.valueOf(activity.get("name"));
        Object arguments = provider.get("arguments");
        if (arguments != null && !(arguments instanceof Map)) {
            problems.add(child(location, "arguments"), "the arguments of a Python activity must be an object");
            return;
        }
        Optional<PythonFunction> function = registry.find(String.valueOf(module), String.valueOf(func));
        if (function.isEmpty() && !registry.hasModule(String.valueOf(module))) {
            interpreted(activity, String.valueOf(module), String.valueOf(func), (Map<?, ?>) arguments, location, problems);
            return;
        }
        if (function.isEmpty()) {
            problems.add(location, "The python module '" + module + "' does not expose a function called '" + func
                    + "' in " + activity.get("type") + " '" + name + "'");
            return;
        }
        Map<?, ?> given = arguments == null ? Map.of() : (Map<?, ?>) arguments;
        bind(function.get(), given, String.valueOf(func), child(location, "arguments"), problems);
        function.get().executableRefusal(given, executables).ifPresent(refusal -> problems.add(
                child(child(location, "arguments"), "path"), refusal + ", in activity '" + name + "'"));
    }

    /** A module that is not built in: a Python worker imports it and binds the arguments (2.3). */
    private void interpreted(Map<?, ?> activity, String module, String func, Map<?, ?> arguments, String location,
            Problems problems) {
        String name = String.valueOf(activity.get("name"));
        try {
            python.inspect(module, func, arguments == null ? Map.of() : arguments, name,
                    String.valueOf(activity.get("type"))).ifPresent(problem -> problems.add(location, problem));
        } catch (PythonUnavailableException e) {
            problems.add(child(location, "module"), "python module '" + module + "' of activity '" + name
                    + "' is not built into the service and needs Python, but " + e.getMessage()
                    + "; built-in functions: " + String.join(", ", registry.supportedNames()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problems.add(location, "the validation was interrupted while importing Python module '" + module + "'");
        }
    }

    /** Python's {@code inspect.signature(func).bind(**arguments)} with configuration/secrets placeholders. */
    private static void bind(PythonFunction function, Map<?, ?> arguments, String func, String location,
            Problems problems) {
        for (FunctionParameter parameter : function.parameters()) {
            boolean injected = parameter.name().equals("configuration") || parameter.name().equals("secrets");
            if (parameter.required() && !injected && !arguments.containsKey(parameter.name())) {
                problems.add(location, "required argument '" + parameter.name() + "' is missing from activity '"
                        + func + "'");
            }
        }
        if (function.acceptsAnyArguments()) {
            return;
        }
        for (Object key : arguments.keySet()) {
            boolean declared = function.parameters().stream().anyMatch(p -> p.name().equals(key));
            if (!declared) {
                problems.add(child(location, String.valueOf(key)), "argument '" + key
                        + "' is not part of the function signature in activity '" + func + "'");
            }
        }
    }

    private void process(Map<?, ?> activity, Map<?, ?> provider, String location, Problems problems) {
        Object path = provider.get("path");
        if (falsy(path)) {
            problems.add(child(location, "path"), "a process activity must have a path");
            return;
        }
        Optional<String> found = path instanceof String p ? ExecutableLocator.which(p, env) : Optional.empty();
        if (found.isEmpty()) {
            problems.add(child(location, "path"), "path '" + path + "' cannot be found, in activity '"
                    + activity.get("name") + "'");
        } else if (!executables.allows((String) path, ExecutableLocator.whichExpanded((String) path, env).orElse(null))) {
            problems.add(child(location, "path"), executables.refusal((String) path) + ", in activity '"
                    + activity.get("name") + "'");
        }
        if (executables.refusesShellArguments(provider.get("arguments"))) {
            problems.add(child(location, "arguments"), executables.shellRefusal());
        }
    }

    private static void http(Map<?, ?> provider, String location, Problems problems) {
        if (falsy(provider.get("url"))) {
            problems.add(child(location, "url"), "a HTTP activity must have a URL");
        }
        Object headers = provider.get("headers");
        if (!falsy(headers) && !(headers instanceof Map)) {
            problems.add(child(location, "headers"), "a HTTP activities expect headers as a mapping");
        }
    }
}
