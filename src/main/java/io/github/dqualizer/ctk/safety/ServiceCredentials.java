package io.github.dqualizer.ctk.safety;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The values of the service's configured credentials (datasource password, secrets key, dashboard password,
 * tokens …): every property whose name ends in a credential word, read through Spring so placeholders and
 * relaxed names resolve. In the OS environment only the service's own names count, so a user's
 * {@code AWS_SECRET_ACCESS_KEY} is not taken for one of the service's credentials.
 */
final class ServiceCredentials {

    private static final Pattern CREDENTIAL_NAME =
            Pattern.compile("(^|[._-])(password|passwd|secret|token|keys?|credentials?)(\\[\\d+])?$");
    private static final Pattern SERVICE_VARIABLE = Pattern.compile("^(ctk|spring|jobrunr)_.*");

    private ServiceCredentials() {
    }

    static Set<String> values(ConfigurableEnvironment environment) {
        Set<String> values = new LinkedHashSet<>();
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (!(source instanceof EnumerablePropertySource<?> enumerable)) {
                continue;
            }
            boolean osEnvironment = StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME.equals(source.getName());
            for (String name : enumerable.getPropertyNames()) {
                String lower = name.toLowerCase(Locale.ROOT);
                if (CREDENTIAL_NAME.matcher(lower).find() && (!osEnvironment || SERVICE_VARIABLE.matcher(lower).matches())) {
                    String value = resolved(environment, name, source);
                    if (value != null && !value.isBlank()) {
                        values.add(value);
                        if (lower.endsWith("keys")) { // a list (ctk.secrets.retired-keys): each key is a credential
                            for (String part : value.split(",")) {
                                if (!part.isBlank()) {
                                    values.add(part.trim());
                                }
                            }
                        }
                    }
                }
            }
        }
        return values;
    }

    private static String resolved(ConfigurableEnvironment environment, String name, PropertySource<?> source) {
        try {
            return environment.getProperty(name);
        } catch (RuntimeException e) {
            // an unresolvable placeholder: take the raw value
            Object raw = source.getProperty(name);
            return raw == null ? null : raw.toString();
        }
    }
}
