package io.github.dqualizer.ctk.safety;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What an experiment sees of the service's environment: everything (as under {@code chaos run}: {@code AWS_*},
 * {@code KUBECONFIG}, {@code PATH} …) less the service's own variables. Every child process of an experiment
 * ({@code process} activities, {@code processStarting}, the Python runtime) starts with {@link #forChildProcess()}
 * or through {@link #applyTo(ProcessBuilder)}; {@code env} configuration and secrets read through
 * {@link #lookup(String)}, and validation refuses names for which {@link #refusal(String)} gives a reason.
 */
public final class ChildEnvironment {

    /** The property that makes a withheld variable visible; named in every refusal. */
    public static final String ALLOWED_PROPERTY = "ctk.engine.environment.allowed";

    /** The service's own variables, always withheld unless allowed. */
    public static final List<String> SERVICE_VARIABLES = List.of("CTK_*", "SPRING_*", "JOBRUNR_*",
            "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS");

    private final Map<String, String> environment;
    private final NamePatterns denied;
    private final NamePatterns allowed;
    private final Set<String> credentials;
    /** Computed once: the environment and the rules never change, and every process activity needs it. */
    private final Map<String, String> visible;

    /**
     * @param properties  the operator's additions ({@code denied}) and exceptions ({@code allowed})
     * @param credentials the values of the service's configured credentials: a variable holding one is withheld
     * @param environment the service's environment ({@link System#getenv()})
     */
    public ChildEnvironment(EnvironmentProperties properties, Collection<String> credentials,
                            Map<String, String> environment) {
        List<String> deniedPatterns = new ArrayList<>(SERVICE_VARIABLES);
        deniedPatterns.addAll(properties.denied());
        this.denied = new NamePatterns(deniedPatterns);
        this.allowed = new NamePatterns(properties.allowed());
        this.credentials = Set.copyOf(credentials.stream().filter(value -> value != null && !value.isEmpty()).toList());
        this.environment = Map.copyOf(environment);
        Map<String, String> visible = new LinkedHashMap<>();
        this.environment.forEach((name, value) -> {
            if (!withholds(name, value)) {
                visible.put(name, value);
            }
        });
        this.visible = Collections.unmodifiableMap(visible);
    }

    /** The default rule over the real environment, knowing no credential values (code built outside Spring). */
    public static ChildEnvironment defaults() {
        return new ChildEnvironment(EnvironmentProperties.defaults(), List.of(), System.getenv());
    }

    /** The service's environment less its own variables: what every child process of an experiment starts with. */
    public Map<String, String> forChildProcess() {
        return new LinkedHashMap<>(visible);
    }

    /** Replaces the builder's environment (inherited from the service) with {@link #forChildProcess()}. */
    public ProcessBuilder applyTo(ProcessBuilder builder) {
        Map<String, String> target = builder.environment();
        target.clear();
        target.putAll(visible);
        return builder;
    }

    /** A variable as an experiment sees it: its value, or {@code null} when unset or withheld. */
    public String lookup(String name) {
        String value = environment.get(name);
        return value == null || withholds(name, value) ? null : value;
    }

    /** Why an experiment may not read {@code name}, when it may not; the same words whichever rule withholds it. */
    public Optional<String> refusal(String name) {
        if (name == null || !withholds(name, environment.get(name))) {
            return Optional.empty();
        }
        return Optional.of("environment variable '" + name + "' belongs to the service and is withheld from "
                + "experiments (an operator may open it with " + ALLOWED_PROPERTY + ")");
    }

    private boolean withholds(String name, String value) {
        if (allowed.matches(name)) {
            return false;
        }
        return denied.matches(name) || (value != null && credentials.contains(value));
    }
}
