package io.github.dqualizer.ctk.engine.journal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Replaces every secret string value by {@code ***} wherever it appears, also inside longer strings. */
public final class SecretMasker {

    public static final String MASK = "***";

    private final List<String> secrets;

    private SecretMasker(List<String> secrets) {
        this.secrets = secrets;
    }

    /** Collects the non-empty string leaves of the loaded secrets (all scopes, nested objects and lists). */
    public static SecretMasker of(Map<String, Object> loadedSecrets) {
        Set<String> values = new LinkedHashSet<>();
        collect(loadedSecrets, values);
        List<String> sorted = new ArrayList<>(values);
        sorted.sort(Comparator.comparingInt(String::length).reversed()); // longest first: no partial leftovers
        return new SecretMasker(List.copyOf(sorted));
    }

    /** A masked deep copy (maps keep their key order). */
    public Object mask(Object value) {
        if (value instanceof String s) {
            return maskString(s);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), mask(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(mask(v)));
            return out;
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> maskMap(Map<String, Object> map) {
        return (Map<String, Object>) mask(map);
    }

    private String maskString(String s) {
        String result = s;
        for (String secret : secrets) {
            if (result.contains(secret)) {
                result = result.replace(secret, MASK);
            }
        }
        return result;
    }

    private static void collect(Object value, Set<String> into) {
        if (value instanceof String s && !s.isEmpty()) {
            into.add(s);
        } else if (value instanceof Map<?, ?> map) {
            map.values().forEach(v -> collect(v, into));
        } else if (value instanceof List<?> list) {
            list.forEach(v -> collect(v, into));
        }
    }
}
