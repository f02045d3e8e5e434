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
 * {@code secrets} block encrypted; joins them again for execution.
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

    public String encryptedSecrets(Map<String, Object> experiment) {
        Object secrets = experiment.get("secrets");
        return secrets == null ? null : cipher.encrypt(json.writeValueAsString(secrets));
    }

    public Map<String, Object> forExecution(ExperimentRun run) {
        return joined(run.experimentJson(), run.secretsCipher());
    }

    /** The experiment as submitted, from its masked document and encrypted secrets (null when it had none). */
    public Map<String, Object> joined(String maskedDocument, String secretsCipher) {
        Map<String, Object> experiment = json.readValue(maskedDocument, MAP);
        if (secretsCipher != null) {
            experiment.put("secrets", json.readValue(cipher.decrypt(secretsCipher), Object.class));
        }
        return experiment;
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
