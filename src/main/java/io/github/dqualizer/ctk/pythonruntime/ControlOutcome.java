package io.github.dqualizer.ctk.pythonruntime;

import java.util.Map;

/**
 * What a control hook came to.
 *
 * @param missing   {@code "module"} when the module is not importable, {@code "hook"} when it does not define the
 *                  hook (nothing was called either way), else {@code null}
 * @param errorType the qualified type of the exception it raised, or {@code null}
 * @param interrupt the exception was chaoslib's {@code InterruptExecution}
 * @param mutated   the hook's {@code context}, {@code state}, {@code configuration}, {@code secrets} after the
 *                  call (a hook may change them, and the run sees the change)
 */
public record ControlOutcome(String missing, String errorType, String errorMessage, boolean interrupt,
                             Map<String, Object> mutated) {

    static ControlOutcome error(String type, String message, boolean interrupt) {
        return new ControlOutcome(null, type, message, interrupt, Map.of());
    }

    @SuppressWarnings("unchecked")
    static ControlOutcome of(Map<String, Object> response) {
        Map<String, Object> mutated = response.get("mutated") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        if (response.get("error") instanceof Map<?, ?> error) {
            return new ControlOutcome(null, String.valueOf(error.get("type")), String.valueOf(error.get("message")),
                    Boolean.TRUE.equals(error.get("interrupt")), mutated);
        }
        if (response.get("crash") instanceof Map<?, ?> crash) {
            return new ControlOutcome(null, String.valueOf(crash.get("type")), String.valueOf(crash.get("message")),
                    false, mutated);
        }
        Object missing = response.get("missing");
        return new ControlOutcome(missing instanceof String s ? s : null, null, null, false, mutated);
    }

    public boolean failed() {
        return errorType != null;
    }
}
