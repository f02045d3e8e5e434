package io.github.dqualizer.ctk.experiment.validation;

import static io.github.dqualizer.ctk.experiment.validation.Checks.falsy;
import static io.github.dqualizer.ctk.experiment.validation.Problems.child;

import io.github.dqualizer.ctk.providers.PythonFunctionRegistry;
import io.github.dqualizer.ctk.providers.process.ExecutablePolicy;
import io.github.dqualizer.ctk.pythonruntime.PythonInspection;
import io.github.dqualizer.ctk.pyvalues.EnvLookup;
import java.util.Map;
import java.util.Set;

/** chaoslib's {@code ensure_activity_is_valid} (section 2.2), reporting every problem of the activity. */
final class ActivityValidator {

    private static final Set<String> PROVIDER_TYPES = Set.of("python", "process", "http");

    private final ProviderValidator providers;

    public ActivityValidator(PythonFunctionRegistry registry, EnvLookup env, ExecutablePolicy executables,
                             PythonInspection python) {
        this.providers = new ProviderValidator(registry, env, executables, python);
    }

    /** @return whether the activity is a reference (whose other keys are not checked) */
    public boolean validate(Object value, String location, Problems problems) {
        if (falsy(value)) {
            problems.add(location, "empty activity is no activity");
            return false;
        }
        if (!(value instanceof Map<?, ?> activity)) {
            problems.add(location, "an activity must be an object");
            return false;
        }
        if (activity.get("ref") != null) {
            if (!(activity.get("ref") instanceof String ref) || ref.isEmpty()) {
                problems.add(child(location, "ref"), "reference to activity must be non-empty strings");
            }
            return true;
        }
        Object type = activity.get("type");
        if (falsy(type)) {
            problems.add(child(location, "type"), "an activity must have a type");
        } else if (!"probe".equals(type) && !"action".equals(type)) {
            problems.add(child(location, "type"), "'" + type + "' is not a supported activity type");
        }
        if (falsy(activity.get("name"))) {
            problems.add(child(location, "name"), "an activity must have a name");
        }
        validateProvider(activity, child(location, "provider"), problems);
        if (activity.containsKey("timeout") && !Checks.number(activity.get("timeout"))) {
            problems.add(child(location, "timeout"), "activity timeout must be a number");
        }
        validatePauses(activity, child(location, "pauses"), problems);
        if (activity.containsKey("background") && !(activity.get("background") instanceof Boolean)) {
            problems.add(child(location, "background"), "activity background must be a boolean");
        }
        return false;
    }

    private void validateProvider(Map<?, ?> activity, String location, Problems problems) {
        Object value = activity.get("provider");
        if (falsy(value)) {
            problems.add(location, "an activity requires a provider");
            return;
        }
        if (!(value instanceof Map<?, ?> provider)) {
            problems.add(location, "a provider must be an object");
            return;
        }
        Object type = provider.get("type");
        if (falsy(type)) {
            problems.add(child(location, "type"), "a provider must have a type");
        } else if (!PROVIDER_TYPES.contains(String.valueOf(type)) || !(type instanceof String)) {
            problems.add(child(location, "type"), "unknown provider type '" + type + "'");
        } else {
            providers.validate(activity, provider, location, problems);
        }
    }

    private static void validatePauses(Map<?, ?> activity, String location, Problems problems) {
        if (!activity.containsKey("pauses")) {
            return;
        }
        if (!(activity.get("pauses") instanceof Map<?, ?> pauses)) {
            problems.add(location, "activity pauses must be an object with optional 'before' and 'after' keys");
            return;
        }
        for (String when : new String[] {"before", "after"}) {
            if (pauses.get(when) instanceof String s && !(s.startsWith("${") && s.endsWith("}"))) {
                problems.add(child(location, when), "activity " + when
                        + " pause must be a number or a pattern to a variable from the configuration or secrets");
            }
        }
    }
}
