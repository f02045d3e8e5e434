package io.github.dqualizer.ctk.engine.substitution;

import io.github.dqualizer.ctk.pyvalues.PyText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * chaoslib's {@code substitute}: Python {@code string.Template.safe_substitute} over configuration then every
 * secrets scope; a string that is exactly one {@code ${name}} keeps the value's type (section 5).
 */
public final class Substitutor {

    private static final Pattern PLACEHOLDER = Pattern.compile(
            "\\$(?:(?<escaped>\\$)|(?<named>[_a-zA-Z][_a-zA-Z0-9]*)|\\{(?<braced>[_a-zA-Z][_a-zA-Z0-9]*)}|(?<invalid>))");
    private static final Pattern WHOLE = Pattern.compile("\\$\\{([_a-zA-Z][_a-zA-Z0-9]*)}");

    private final Map<String, Object> configuration;
    private final Map<String, Object> secrets;

    public Substitutor(Map<String, Object> configuration, Map<String, Object> secrets) {
        this.configuration = configuration;
        this.secrets = secrets;
    }

    /** Whether configuration or secrets are non-empty (python/process arguments are substituted only then). */
    public boolean hasValues() {
        return !configuration.isEmpty() || !secrets.isEmpty();
    }

    /** A new structure with every string substituted; map keys are never substituted. */
    public Object apply(Object value) {
        if (value instanceof String s) {
            return string(s);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), apply(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(apply(v)));
            return out;
        }
        return value;
    }

    private Object string(String s) {
        Matcher whole = WHOLE.matcher(s);
        if (whole.matches()) {
            Found found = lookup(whole.group(1));
            if (found != null) {
                return found.value();
            }
        }
        Matcher m = PLACEHOLDER.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement;
            if (m.group("escaped") != null) {
                replacement = "$";
            } else if (m.group("invalid") != null) {
                replacement = m.group();
            } else {
                String name = m.group("named") != null ? m.group("named") : m.group("braced");
                Found found = lookup(name);
                replacement = found == null ? m.group() : PyText.str(found.value());
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Configuration first, then each secrets scope in declaration order; {@code null} when unknown. */
    private Found lookup(String name) {
        if (configuration.containsKey(name)) {
            return new Found(configuration.get(name));
        }
        for (Object scope : secrets.values()) {
            if (scope instanceof Map<?, ?> map && map.containsKey(name)) {
                return new Found(map.get(name));
            }
        }
        return null;
    }

    private record Found(Object value) {
    }
}
