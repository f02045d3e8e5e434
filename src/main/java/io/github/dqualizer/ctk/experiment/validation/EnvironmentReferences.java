package io.github.dqualizer.ctk.experiment.validation;

import static io.github.dqualizer.ctk.experiment.validation.Problems.child;
import static io.github.dqualizer.ctk.experiment.validation.Problems.item;

import io.github.dqualizer.ctk.safety.ChildEnvironment;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Refuses experiments that would read the service's own environment: {@code env} entries of the configuration
 * and secrets, and {@code $NAME}/{@code ${NAME}} placeholders that no configuration or secret defines (a string
 * argument runs through {@code /bin/sh}, which would expand them from the environment).
 */
public final class EnvironmentReferences {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$(?:\\{([_a-zA-Z][_a-zA-Z0-9]*)}|([_a-zA-Z][_a-zA-Z0-9]*))");

    private final ChildEnvironment environment;

    public EnvironmentReferences(ChildEnvironment environment) {
        this.environment = environment;
    }

    /** Adds a problem per refused reference; returns the locations of refused {@code env} entries. */
    public Set<String> check(Map<String, Object> experiment, Problems problems) {
        Set<String> refused = new HashSet<>();
        Set<String> defined = new HashSet<>();
        if (experiment.get("configuration") instanceof Map<?, ?> configuration) {
            configuration.forEach((key, value) -> {
                defined.add(String.valueOf(key));
                envEntry(value, "configuration." + key, problems, refused);
            });
        }
        if (experiment.get("secrets") instanceof Map<?, ?> secrets) {
            secrets.forEach((scope, values) -> secretScope(values, "secrets." + scope, defined, problems, refused));
        }
        placeholders(experiment, "", defined, problems);
        return refused;
    }

    private void secretScope(Object values, String location, Set<String> defined, Problems problems, Set<String> refused) {
        if (!(values instanceof Map<?, ?> scope)) {
            return;
        }
        scope.forEach((key, value) -> {
            String here = location + "." + key;
            defined.add(String.valueOf(key));
            if (!envEntry(value, here, problems, refused) && value instanceof Map<?, ?> nested && nested.get("type") == null) {
                secretScope(nested, here, defined, problems, refused);
            }
        });
    }

    /** True when {@code value} is an {@code env} entry (refused or not). */
    private boolean envEntry(Object value, String location, Problems problems, Set<String> refused) {
        if (!(value instanceof Map<?, ?> entry) || !"env".equals(entry.get("type"))) {
            return false;
        }
        environment.refusal(String.valueOf(entry.get("key"))).ifPresent(reason -> {
            problems.add(child(location, "key"), reason);
            refused.add(location);
        });
        return true;
    }

    private void placeholders(Object value, String location, Set<String> defined, Problems problems) {
        if (value instanceof String text) {
            Matcher m = PLACEHOLDER.matcher(text);
            Set<String> reported = new HashSet<>();
            while (m.find()) {
                String name = m.group(1) != null ? m.group(1) : m.group(2);
                if (!defined.contains(name) && reported.add(name)) {
                    Optional<String> reason = environment.refusal(name);
                    reason.ifPresent(r -> problems.add(location, r));
                }
            }
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((key, nested) -> placeholders(nested, child(location, String.valueOf(key)), defined, problems));
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                placeholders(list.get(i), item(location, i), defined, problems);
            }
        }
    }
}
