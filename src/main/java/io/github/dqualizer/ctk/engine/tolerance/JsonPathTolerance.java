package io.github.dqualizer.ctk.engine.tolerance;

import io.github.dqualizer.ctk.engine.substitution.Substitutor;
import io.github.dqualizer.ctk.experiment.jsonpath.JsonPath;
import io.github.dqualizer.ctk.experiment.jsonpath.JsonPathException;
import io.github.dqualizer.ctk.pyvalues.PyValues;
import io.github.dqualizer.ctk.pyvalues.PythonError;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** {@code type: jsonpath}: matches in the jsonpath2 dialect, then {@code count} / {@code expect} (4.5). */
final class JsonPathTolerance {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonPathTolerance() {
    }

    static boolean check(Map<?, ?> tolerance, Object output, Substitutor substitutor) {
        Object path = substitutor.apply(tolerance.get("path"));
        JsonPath compiled;
        try {
            compiled = JsonPath.parse(String.valueOf(path));
        } catch (JsonPathException e) {
            throw new PythonError("ValueError", e.getMessage());
        }
        Object value = Targets.select(tolerance, output);
        if (value instanceof byte[] bytes) {
            value = new String(bytes, StandardCharsets.UTF_8);
        }
        if (value instanceof String s) {
            value = parseOrKeep(s);
        }
        List<Object> values = compiled.values(value);
        if (tolerance.containsKey("expect")) {
            Object expect = substitutor.apply(tolerance.get("expect"));
            return PyValues.equal(values, expect instanceof List ? expect : java.util.Collections.singletonList(expect));
        }
        Object count = tolerance.get("count");
        if (count != null) {
            return PyValues.equal(values.size(), count);
        }
        return !values.isEmpty();
    }

    private static Object parseOrKeep(String s) {
        try {
            return JSON.readValue(s, Object.class);
        } catch (JacksonException e) {
            return s;
        }
    }
}
