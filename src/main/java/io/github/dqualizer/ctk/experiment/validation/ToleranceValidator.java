package io.github.dqualizer.ctk.experiment.validation;

import static io.github.dqualizer.ctk.experiment.validation.Problems.child;

import io.github.dqualizer.ctk.experiment.jsonpath.JsonPath;
import io.github.dqualizer.ctk.experiment.jsonpath.JsonPathException;
import io.github.dqualizer.ctk.pyvalues.PyRegex;
import io.github.dqualizer.ctk.pyvalues.PyText;
import io.github.dqualizer.ctk.pyvalues.PyValues;
import io.github.dqualizer.ctk.pyvalues.PythonError;
import java.util.List;
import java.util.Map;

/** Tolerance checks of section 2.4 (type, probe, regex, jsonpath, range). */
final class ToleranceValidator {

    private final ActivityValidator activities;

    ToleranceValidator(ActivityValidator activities) {
        this.activities = activities;
    }

    void validate(Object tolerance, String location, Problems problems) {
        boolean supportedType = tolerance instanceof Boolean || PyValues.isInteger(tolerance)
                || tolerance instanceof String || tolerance instanceof List || tolerance instanceof Map;
        if (!supportedType) {
            problems.add(location, "hypothesis probe tolerance must either be an integer, a string, a boolean or a "
                    + "pair of values for boundaries. It can also be a dictionary which is a probe activity definition "
                    + "that takes an argument called `value` with the value of the probe itself to be validated");
            return;
        }
        if (tolerance instanceof Map<?, ?> map) {
            validateObject(map, location, problems);
        }
    }

    private void validateObject(Map<?, ?> tolerance, String location, Problems problems) {
        Object type = tolerance.get("type");
        switch (type instanceof String s ? s : "") {
            case "probe" -> activities.validate(tolerance, location, problems);
            case "regex" -> regex(tolerance, location, problems);
            case "jsonpath" -> jsonpath(tolerance, location, problems);
            case "range" -> range(tolerance, location, problems);
            default -> problems.add(child(location, "type"),
                    "hypothesis probe tolerance type '" + PyText.str(type) + "' is unsupported");
        }
    }

    private static void regex(Map<?, ?> tolerance, String location, Problems problems) {
        if (!tolerance.containsKey("pattern")) {
            problems.add(location, "hypothesis regex probe tolerance must have a `pattern` key");
            return;
        }
        Object pattern = tolerance.get("pattern");
        if (!(pattern instanceof String p)) {
            problems.add(child(location, "pattern"),
                    "hypothesis probe tolerance pattern " + PyText.str(pattern) + " has an invalid type");
            return;
        }
        try {
            PyRegex.compile(p);
        } catch (PythonError e) {
            problems.add(child(location, "pattern"),
                    "hypothesis probe tolerance pattern " + p + " seems invalid: " + e.getMessage());
        }
    }

    private static void jsonpath(Map<?, ?> tolerance, String location, Problems problems) {
        if (!tolerance.containsKey("path")) {
            problems.add(location, "hypothesis jsonpath probe tolerance must have a `path` key");
            return;
        }
        if (!(tolerance.get("path") instanceof String path)) {
            problems.add(child(location, "path"), "hypothesis probe tolerance JSON path must be a string");
            return;
        }
        if (path.strip().isEmpty()) {
            problems.add(child(location, "path"), "hypothesis probe tolerance JSON path cannot be empty");
            return;
        }
        try {
            JsonPath.parse(path);
        } catch (JsonPathException e) {
            problems.add(child(location, "path"), "hypothesis probe tolerance JSON path " + path + " is invalid");
        }
    }

    private static void range(Map<?, ?> tolerance, String location, Problems problems) {
        if (!tolerance.containsKey("range")) {
            problems.add(location, "hypothesis range probe tolerance must have a `range` key");
            return;
        }
        String here = child(location, "range");
        if (!(tolerance.get("range") instanceof List<?> range)) {
            problems.add(here, "hypothesis range must be a sequence");
            return;
        }
        if (range.size() != 2) {
            problems.add(here, "hypothesis range sequence must be made of two values");
            return;
        }
        if (!Checks.number(range.get(0))) {
            problems.add(Problems.item(here, 0), "hypothesis range lower boundary must be a number");
        }
        if (!Checks.number(range.get(1))) {
            problems.add(Problems.item(here, 1), "hypothesis range upper boundary must be a number");
        }
    }
}
