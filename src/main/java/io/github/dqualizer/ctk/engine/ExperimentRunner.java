package io.github.dqualizer.ctk.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** TEMPORARY stub until the engine branch lands. */
@Component
public class ExperimentRunner {
    public Map<String, Object> run(Map<String, Object> experiment, RunOptions options) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("chaoslib-version", "1.45.0");
        j.put("experiment", experiment);
        j.put("status", "completed");
        j.put("deviated", false);
        j.put("run", List.of());
        return j;
    }
}
