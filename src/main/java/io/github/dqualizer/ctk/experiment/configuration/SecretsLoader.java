package io.github.dqualizer.ctk.experiment.configuration;

import io.github.dqualizer.ctk.pyvalues.EnvLookup;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * chaoslib's {@code load_secrets}: inline values and env references (no default), walked recursively.
 * Vault and any other secret {@code type} are not supported by this service.
 */
public final class SecretsLoader {

    private SecretsLoader() {
    }

    public static Map<String, Object> load(Object block, EnvLookup env, LoadErrors errors) {
        Map<String, Object> loaded = new LinkedHashMap<>();
        if (!(block instanceof Map<?, ?> secrets)) {
            return loaded;
        }
        for (Map.Entry<?, ?> scope : secrets.entrySet()) {
            String location = "secrets." + scope.getKey();
            Object value = scope.getValue();
            loaded.put(String.valueOf(scope.getKey()),
                    value instanceof Map<?, ?> map ? loadScope(map, location, env, errors) : value);
        }
        return loaded;
    }

    private static Map<String, Object> loadScope(Map<?, ?> scope, String location, EnvLookup env, LoadErrors errors) {
        Map<String, Object> loaded = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : scope.entrySet()) {
            String key = String.valueOf(entry.getKey());
            String here = location + "." + key;
            try {
                Object resolved = resolve(entry.getValue(), here, env, errors);
                loaded.put(key, resolved);
            } catch (ConfigurationException e) {
                errors.report(here, e);
            }
        }
        return loaded;
    }

    private static Object resolve(Object value, String location, EnvLookup env, LoadErrors errors) {
        if (!(value instanceof Map<?, ?> map)) {
            return value;
        }
        Object type = map.get("type");
        if ("env".equals(type)) {
            String name = String.valueOf(map.get("key"));
            String fromEnv = env.get(name);
            if (fromEnv == null) {
                throw new ConfigurationException(
                        "Secrets make reference to an environment key that does not exist: " + name);
            }
            return fromEnv;
        }
        if (type != null) {
            throw new ConfigurationException("secrets of type '" + type
                    + "' are not supported by this service: give the value inline or from an env variable");
        }
        return loadScope(map, location, env, errors);
    }
}
