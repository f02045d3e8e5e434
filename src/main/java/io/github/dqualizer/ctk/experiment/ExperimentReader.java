package io.github.dqualizer.ctk.experiment;

import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** TEMPORARY stub until the engine branch lands. */
@Component
public class ExperimentReader {
    private final JsonMapper json = JsonMapper.builder().build();

    @SuppressWarnings("unchecked")
    public Map<String, Object> read(byte[] body, boolean yaml) {
        try {
            Object value = json.readValue(body, Object.class);
            if (value instanceof Map<?, ?> map) {
                return (Map<String, Object>) map;
            }
            throw new ExperimentFormatException("not an object");
        } catch (JacksonException e) {
            throw new ExperimentFormatException("Malformed JSON");
        }
    }
}
