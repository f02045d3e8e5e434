package io.github.dqualizer.ctk.support;

/** Experiment documents that read like the domain; only real executables ({@code true}, {@code echo}, {@code sleep}). */
public final class Experiments {

    private Experiments() {
    }

    /** One action that runs {@code true}. */
    public static String trivial() {
        return """
                {"title": "trivial", "description": "one true action",
                 "method": [{"type": "action", "name": "noop", "provider": {"type": "process", "path": "true"}}]}
                """;
    }

    /** A hypothesis that {@code echo} exits 0, before and after an action. */
    public static String withSteadyState(String title) {
        return """
                {"title": "%s", "description": "steady state around one action",
                 "steady-state-hypothesis": {"title": "echo works",
                   "probes": [{"type": "probe", "name": "echo", "tolerance": 0,
                               "provider": {"type": "process", "path": "echo", "arguments": "hello"}}]},
                 "method": [{"type": "action", "name": "noop", "provider": {"type": "process", "path": "true"}}],
                 "rollbacks": [{"type": "action", "name": "undo", "provider": {"type": "process", "path": "true"}}]}
                """.formatted(title);
    }

    /** The hypothesis probe outlives its provider timeout: the probe fails, so the run ends {@code failed}. */
    public static String hypothesisProbeTimesOut() {
        return """
                {"title": "probe times out", "description": "a hypothesis probe that takes too long",
                 "steady-state-hypothesis": {"title": "fast enough",
                   "probes": [{"type": "probe", "name": "slow", "tolerance": 0,
                               "provider": {"type": "process", "path": "sleep", "arguments": "5", "timeout": 0.3}}]},
                 "method": [{"type": "action", "name": "noop", "provider": {"type": "process", "path": "true"}}]}
                """;
    }

    /** Runs {@code sleep} for the given seconds. */
    public static String sleeping(double seconds) {
        return """
                {"title": "sleeps %1$s s", "description": "a long action",
                 "method": [{"type": "action", "name": "sleep", "provider": {"type": "process", "path": "sleep", "arguments": "%1$s"}}]}
                """.formatted(seconds);
    }

    /** Carries a secret that is echoed by the method: it must never be visible anywhere. */
    public static String withSecret(String secretValue) {
        return """
                {"title": "uses a secret", "description": "echoes a secret",
                 "secrets": {"vault": {"token": "%s"}},
                 "method": [{"type": "action", "name": "echo secret",
                             "provider": {"type": "process", "path": "echo", "arguments": ["${token}"]}}]}
                """.formatted(secretValue);
    }
}
