package io.github.dqualizer.ctk.engine.run;

import io.github.dqualizer.ctk.engine.activity.ProviderInvoker;
import io.github.dqualizer.ctk.engine.activity.ProviderScope;
import io.github.dqualizer.ctk.engine.activity.RunInterruptedException;
import io.github.dqualizer.ctk.providers.RunContext;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs {@code type: probe} configuration entries at run start (3.1 step 4); failures drop the key. */
final class DynamicConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(DynamicConfiguration.class);

    private DynamicConfiguration() {
    }

    static Map<String, Object> resolve(Map<String, Object> loaded, Map<String, Object> secrets,
            ProviderInvoker providers, RunContext context) {
        Map<String, Object> result = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : loaded.entrySet()) {
            if (!(entry.getValue() instanceof Map<?, ?> probe) || !"probe".equals(probe.get("type"))) {
                result.put(entry.getKey(), entry.getValue());
                continue;
            }
            try {
                Object output = providers.run(probe, ProviderScope.of(new LinkedHashMap<>(result), secrets), context);
                Object type = probe.get("provider") instanceof Map<?, ?> p ? p.get("type") : null;
                if ("process".equals(type)) {
                    Map<?, ?> out = (Map<?, ?>) output;
                    if (Integer.valueOf(0).equals(out.get("status"))) {
                        result.put(entry.getKey(), String.valueOf(out.get("stdout")).strip());
                    }
                } else if ("http".equals(type)) {
                    result.put(entry.getKey(), ((Map<?, ?>) output).get("body"));
                } else {
                    result.put(entry.getKey(), output);
                }
            } catch (InterruptedException e) {
                throw new RunInterruptedException("interrupted while loading dynamic configuration");
            } catch (RuntimeException e) {
                LOG.warn("dynamic configuration '{}' could not be loaded: {}", entry.getKey(), e.getMessage());
            }
        }
        return result;
    }
}
