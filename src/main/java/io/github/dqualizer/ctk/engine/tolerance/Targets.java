package io.github.dqualizer.ctk.engine.tolerance;

import io.github.dqualizer.ctk.pyvalues.PyValues;
import io.github.dqualizer.ctk.pyvalues.PythonError;
import java.util.Map;

/** The {@code target} rule of regex/jsonpath/range tolerances: {@code output[target]} when the key exists. */
final class Targets {

    private Targets() {
    }

    static Object select(Map<?, ?> tolerance, Object output) {
        Object target = tolerance.get("target");
        if (target == null) {
            return output;
        }
        if (output instanceof Map<?, ?> map) {
            return map.containsKey(target) ? map.get(target) : output;
        }
        if (output instanceof String) {
            throw new PythonError("TypeError", "string indices must be integers, not '" + PyValues.typeName(target) + "'");
        }
        throw new PythonError("TypeError", "argument of type '" + PyValues.typeName(output) + "' is not iterable");
    }
}
