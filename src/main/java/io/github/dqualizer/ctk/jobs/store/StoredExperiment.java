package io.github.dqualizer.ctk.jobs.store;

import io.github.dqualizer.ctk.secrets.SecretsCipher;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Splits an experiment for storage: the document with every secret value masked, and the
 * {@code secrets} block encrypted for the row that keeps it (its run or schedule id as associated data, so a
 * blob copied to another row does not decrypt); joins them again for execution.
 */
@Component
public class StoredExperiment {

    static final String MASK = "***";
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final JsonMapper json;
    private final SecretsCipher cipher;

    StoredExperiment(JsonMapper json, SecretsCipher cipher) {
        this.json = json;
        this.cipher = cipher;
    }

    public String maskedDocument(Map<String, Object> experiment) {
        Map<String, Object> copy = new LinkedHashMap<>(experiment);
        if (copy.containsKey("secrets")) {
            copy.put("secrets", mask(copy.get("secrets")));
        }
        return json.writeValueAsString(copy);
    }

    /** The secrets block encrypted for run {@code runId}, or null when the experiment has none. */
    public String encryptedSecrets(Map<String, Object> experiment, String runId) {
        return encrypted(experiment, runBinding(runId));
    }

    /** The secrets block encrypted for schedule {@code scheduleId}, or null when the experiment has none. */
    public String encryptedScheduleSecrets(Map<String, Object> experiment, String scheduleId) {
        return encrypted(experiment, scheduleBinding(scheduleId));
    }

    public Map<String, Object> forExecution(ExperimentRun run) {
        return joined(run.experimentJson(), run.secretsCipher(), runBinding(run.id()));
    }

    /** A schedule's experiment as submitted, from its masked document and encrypted secrets (null when it had none). */
    public Map<String, Object> scheduled(String maskedDocument, String secretsCipher, String scheduleId) {
        return joined(maskedDocument, secretsCipher, scheduleBinding(scheduleId));
    }

    /** Run {@code original}'s secrets encrypted again for the run {@code newRunId} repeating it (null when none). */
    public String secretsForRerun(ExperimentRun original, String newRunId) {
        String stored = original.secretsCipher();
        return stored == null ? null
                : cipher.encrypt(cipher.decrypt(stored, runBinding(original.id())), runBinding(newRunId));
    }

    private String encrypted(Map<String, Object> experiment, String binding) {
        Object secrets = experiment.get("secrets");
        return secrets == null ? null : cipher.encrypt(json.writeValueAsString(secrets), binding);
    }

    private Map<String, Object> joined(String maskedDocument, String secretsCipher, String binding) {
        Map<String, Object> experiment = json.readValue(maskedDocument, MAP);
        if (secretsCipher != null) {
            experiment.put("secrets", json.readValue(cipher.decrypt(secretsCipher, binding), Object.class));
        }
        return experiment;
    }

    /** Run and schedule ids are both UUIDs: the kind keeps a run's blob from ever passing for a schedule's. */
    static String runBinding(String runId) {
        return "run:" + runId;
    }

    static String scheduleBinding(String scheduleId) {
        return "schedule:" + scheduleId;
    }

    /** Keeps the shape (scopes and keys) so the stored document still reads like the submitted one. */
    private static Object mask(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> masked = new LinkedHashMap<>();
            map.forEach((k, v) -> masked.put(k, mask(v)));
            return masked;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(StoredExperiment::mask).toList();
        }
        return value == null ? null : MASK;
    }
}
