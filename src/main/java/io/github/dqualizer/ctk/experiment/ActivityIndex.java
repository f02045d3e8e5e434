package io.github.dqualizer.ctk.experiment;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * chaoslib's activity index for {@code ref} lookups: {@code method} entries first, then hypothesis probes,
 * later ones overwriting earlier ones (a hypothesis probe wins over a method activity of the same name).
 */
public final class ActivityIndex {

    private final Map<String, Map<String, Object>> byName = new HashMap<>();

    private ActivityIndex() {
    }

    public static ActivityIndex of(Map<String, Object> experiment) {
        ActivityIndex index = new ActivityIndex();
        index.addAll(experiment.get("method"));
        if (experiment.get("steady-state-hypothesis") instanceof Map<?, ?> hypothesis) {
            index.addAll(hypothesis.get("probes"));
        }
        return index;
    }

    public Optional<Map<String, Object>> find(Object name) {
        return Optional.ofNullable(byName.get(name));
    }

    @SuppressWarnings("unchecked")
    private void addAll(Object activities) {
        if (activities instanceof List<?> list) {
            for (Object activity : list) {
                if (activity instanceof Map<?, ?> map && map.get("name") instanceof String name) {
                    byName.put(name, (Map<String, Object>) map);
                }
            }
        }
    }
}
