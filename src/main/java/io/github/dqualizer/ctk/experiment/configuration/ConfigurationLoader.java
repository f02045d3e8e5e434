package io.github.dqualizer.ctk.experiment.configuration;

import io.github.dqualizer.ctk.pyvalues.EnvLookup;
import io.github.dqualizer.ctk.pyvalues.PythonError;
import java.util.LinkedHashMap;
import java.util.Map;

/** chaoslib's {@code load_configuration}: inline values, env references (default, type); probes kept as-is. */
public final class ConfigurationLoader {

    private ConfigurationLoader() {
    }

    public static Map<String, Object> load(Object block, EnvLookup env, LoadErrors errors) {
        Map<String, Object> loaded = new LinkedHashMap<>();
        if (!(block instanceof Map<?, ?> configuration)) {
            return loaded;
        }
        for (Map.Entry<?, ?> entry : configuration.entrySet()) {
            String key = String.valueOf(entry.getKey());
            Object value = entry.getValue();
            if (value instanceof Map<?, ?> definition && "env".equals(definition.get("type"))) {
                try {
                    loaded.put(key, fromEnv(definition, env));
                } catch (ConfigurationException | PythonError e) {
                    errors.report("configuration." + key, e);
                }
            } else {
                loaded.put(key, value);
            }
        }
        return loaded;
    }

    private static Object fromEnv(Map<?, ?> definition, EnvLookup env) {
        String name = String.valueOf(definition.get("key"));
        String fromEnv = env.get(name);
        Object value;
        if (fromEnv != null) {
            value = fromEnv;
        } else if (definition.containsKey("default")) {
            value = definition.get("default");
        } else {
            throw new ConfigurationException(
                    "Configuration makes reference to an environment key that does not exist: " + name);
        }
        return EnvValueConverter.convert(definition.get("env_var_type"), value);
    }
}
