package io.github.dqualizer.ctk.experiment.jsonpath;

import io.github.dqualizer.ctk.pyvalues.PyValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** jsonpath2's callable subscripts: {@code length() keys() values() entries() charAt(i) substring(s[, e])}. */
final class Callables {

    static final Set<String> NAMES = Set.of("length", "keys", "values", "entries", "charAt", "substring");

    private Callables() {
    }

    static void call(String name, List<Object> args, Object current, Consumer<Object> out) {
        switch (name) {
            case "length" -> {
                if (current instanceof List<?> l) {
                    out.accept(l.size());
                } else if (current instanceof Map<?, ?> m) {
                    out.accept(m.size());
                } else if (current instanceof String s) {
                    out.accept(s.codePointCount(0, s.length()));
                }
            }
            case "keys" -> {
                if (current instanceof Map<?, ?> m) {
                    out.accept(new ArrayList<>(m.keySet()));
                }
            }
            case "values" -> {
                if (current instanceof Map<?, ?> m) {
                    out.accept(new ArrayList<>(m.values()));
                }
            }
            case "entries" -> {
                if (current instanceof Map<?, ?> m) {
                    List<Object> entries = new ArrayList<>();
                    m.forEach((k, v) -> entries.add(new ArrayList<>(java.util.Arrays.asList(k, v))));
                    out.accept(entries);
                }
            }
            case "charAt" -> {
                if (current instanceof String s && args.size() == 1 && PyValues.isInteger(args.get(0))) {
                    int i = ((Number) args.get(0)).intValue();
                    if (i >= 0 && i < s.length()) {
                        out.accept(String.valueOf(s.charAt(i)));
                    }
                }
            }
            case "substring" -> {
                if (current instanceof String s && !args.isEmpty() && PyValues.isInteger(args.get(0))) {
                    int start = Math.min(Math.max(0, ((Number) args.get(0)).intValue()), s.length());
                    int end = args.size() > 1 && PyValues.isInteger(args.get(1))
                            ? Math.min(Math.max(start, ((Number) args.get(1)).intValue()), s.length()) : s.length();
                    out.accept(s.substring(start, end));
                }
            }
            default -> {
            }
        }
    }
}
