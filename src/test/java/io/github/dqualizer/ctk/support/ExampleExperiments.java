package io.github.dqualizer.ctk.support;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import tools.jackson.databind.json.JsonMapper;

/** dqualizer's real experiment shapes (src/test/resources/examples), re-aimed at local test targets. */
public final class ExampleExperiments {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ExampleExperiments() {
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> load(String name) {
        try (InputStream in = ExampleExperiments.class.getResourceAsStream("/examples/" + name)) {
            return JSON.readValue(in, Map.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Replaces every value of the given key, wherever it appears, by {@code replace(oldValue)}. */
    @SuppressWarnings("unchecked")
    public static void rewrite(Object node, String key, BiFunction<String, Object, Object> replace) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> m = (Map<String, Object>) map;
            m.replaceAll((k, v) -> k.equals(key) ? replace.apply(k, v) : v);
            m.values().forEach(v -> rewrite(v, key, replace));
        } else if (node instanceof List<?> list) {
            list.forEach(v -> rewrite(v, key, replace));
        }
    }

    /** Sets every activity pause to the given seconds (dqualizer's are 30 s). */
    public static void shortenPauses(Map<String, Object> experiment, double seconds) {
        rewrite(experiment, "pauses", (k, v) -> new java.util.LinkedHashMap<>(Map.of("before", 0, "after", seconds)));
    }

    public static String json(Object experiment) {
        return JSON.writeValueAsString(experiment);
    }
}
