package io.github.dqualizer.ctk.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** TEMPORARY stub until the engine branch lands. */
@Component
public class ExperimentValidator {
    public List<ValidationProblem> validate(Map<String, Object> experiment) {
        List<ValidationProblem> problems = new ArrayList<>();
        if (experiment.get("title") == null) problems.add(new ValidationProblem("title", "experiment requires a title"));
        if (experiment.get("description") == null) problems.add(new ValidationProblem("description", "experiment requires a description"));
        if (experiment.get("method") instanceof List<?> method) {
            for (Object a : method) if (a instanceof Map<?, ?> m && !"action".equals(m.get("type")) && !"probe".equals(m.get("type")))
                problems.add(new ValidationProblem("method[0].type", "'" + m.get("type") + "' is not a supported activity type"));
        }
        return problems;
    }
}
