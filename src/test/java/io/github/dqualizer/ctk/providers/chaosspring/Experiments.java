package io.github.dqualizer.ctk.providers.chaosspring;

import java.util.List;
import java.util.Map;

/**
 * The {@code assaults_configuration} and {@code watchers_configuration} arguments of dqualizer's experiments
 * (shared/reference/examples), booleans as strings exactly as dqualizer sends them, aimed at the test target.
 */
final class Experiments {

    static final String EXCEPTION_MESSAGE = "Chaos Monkey - RuntimeException";

    private Experiments() {
    }

    /** dqualizer-late-responses.json, with a 300–400 ms range on the given method. */
    static Map<String, Object> lateResponses(String watchedMethod) {
        return Map.of("level", 1, "deterministic", "True", "latencyRangeStart", 300, "latencyRangeEnd", 400,
                "latencyActive", "True", "exceptionsActive", "False", "killApplicationActive", "False",
                "restartApplicationActive", "False", "watchedCustomServices", List.of(watchedMethod));
    }

    /** dqualizer-failed-requests.json: every {@code level}-th call throws. */
    static Map<String, Object> failedRequests(String watchedMethod, int level) {
        return Map.of("level", level, "deterministic", "True", "latencyActive", "False", "exceptionsActive", "True",
                "exception", Map.of("type", "java.lang.RuntimeException", "method", "<init>",
                        "arguments", List.of(Map.of("type", "java.lang.String", "value", EXCEPTION_MESSAGE))),
                "killApplicationActive", "False", "restartApplicationActive", "False",
                "watchedCustomServices", List.of(watchedMethod));
    }

    /** seed-delayed-responses.json's watcher settings, with {@code service} as given. */
    static Map<String, Object> watchers(String service) {
        return Map.ofEntries(Map.entry("controller", "false"), Map.entry("restController", "false"),
                Map.entry("service", service), Map.entry("repository", "false"), Map.entry("component", "false"),
                Map.entry("restTemplate", "false"), Map.entry("webClient", "false"),
                Map.entry("actuatorHealth", "false"), Map.entry("beans", List.of()),
                Map.entry("beanClasses", List.of()), Map.entry("excludeClasses", List.of()));
    }
}
