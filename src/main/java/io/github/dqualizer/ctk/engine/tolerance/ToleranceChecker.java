package io.github.dqualizer.ctk.engine.tolerance;

import io.github.dqualizer.ctk.engine.activity.ProviderInvoker;
import io.github.dqualizer.ctk.engine.activity.ProviderScope;
import io.github.dqualizer.ctk.providers.ActivityFailedException;
import io.github.dqualizer.ctk.providers.RunContext;
import io.github.dqualizer.ctk.pyvalues.PyRegex;
import io.github.dqualizer.ctk.pyvalues.PyValues;
import io.github.dqualizer.ctk.pyvalues.PythonError;
import java.util.List;
import java.util.Map;

/** chaoslib's {@code within_tolerance} (section 4); a {@link PythonError} means the check itself crashed. */
public final class ToleranceChecker {

    private final ProviderScope scope;
    private final ProviderInvoker providers;
    private final RunContext context;

    public ToleranceChecker(ProviderScope scope, ProviderInvoker providers, RunContext context) {
        this.scope = scope;
        this.providers = providers;
        this.context = context;
    }

    /** @throws InterruptedException when a probe tolerance is cut by cancellation */
    public boolean check(Object tolerance, Object output) throws InterruptedException {
        if (tolerance instanceof String s) {
            tolerance = scope.substitutor().apply(s);
        }
        if (tolerance instanceof Boolean) {
            return PyValues.equal(output, tolerance);
        }
        if (PyValues.isInteger(tolerance)) {
            if (output instanceof Map<?, ?> map && map.containsKey("status")) {
                return PyValues.equal(map.get("status"), tolerance);
            }
            return PyValues.equal(output, tolerance);
        }
        if (tolerance instanceof String) {
            return PyValues.equal(output, tolerance);
        }
        if (tolerance instanceof List<?> list) {
            return list(list, output);
        }
        if (tolerance instanceof Map<?, ?> map) {
            return object(map, output);
        }
        return false;
    }

    private static boolean list(List<?> tolerance, Object output) {
        if (output instanceof Map<?, ?> map && map.containsKey("status")) {
            return tolerance.stream().anyMatch(t -> PyValues.equal(t, map.get("status")));
        }
        if (tolerance.size() == 2) {
            return PyValues.compare(tolerance.get(0), output, "<=") <= 0
                    && PyValues.compare(output, tolerance.get(1), "<=") <= 0;
        }
        return tolerance.stream().anyMatch(t -> PyValues.equal(t, output));
    }

    private boolean object(Map<?, ?> tolerance, Object output) throws InterruptedException {
        Object type = tolerance.get("type");
        if ("probe".equals(type)) {
            return probe(tolerance, output);
        }
        if ("regex".equals(type)) {
            Object pattern = scope.substitutor().apply(tolerance.get("pattern"));
            Object value = Targets.select(tolerance, output);
            if (!(value instanceof String text)) {
                throw new PythonError("TypeError", "expected string or bytes-like object, got '"
                        + PyValues.typeName(value) + "'");
            }
            return PyRegex.search(String.valueOf(pattern), text);
        }
        if ("jsonpath".equals(type)) {
            return JsonPathTolerance.check(tolerance, output, scope.substitutor());
        }
        if ("range".equals(type)) {
            return RangeTolerance.check(tolerance, output);
        }
        return false;
    }

    /** The output is written into the document as {@code provider.arguments.value}, as chaoslib does. */
    @SuppressWarnings("unchecked")
    private boolean probe(Map<?, ?> tolerance, Object output) throws InterruptedException {
        Object provider = tolerance.get("provider");
        Object arguments = provider instanceof Map<?, ?> p ? p.get("arguments") : null;
        if (!(provider instanceof Map<?, ?> p) || !p.containsKey("arguments")) {
            throw new PythonError("KeyError", "'arguments'");
        }
        if (!(arguments instanceof Map)) {
            throw new PythonError("TypeError", "'" + PyValues.typeName(arguments) + "' object does not support item assignment");
        }
        ((Map<String, Object>) arguments).put("value", output);
        try {
            return PyValues.truthy(providers.run(tolerance, scope, context));
        } catch (ActivityFailedException e) {
            return false;
        }
    }
}
