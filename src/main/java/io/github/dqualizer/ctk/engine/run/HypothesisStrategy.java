package io.github.dqualizer.ctk.engine.run;

import io.github.dqualizer.ctk.pyvalues.PythonError;

/** When the steady-state hypothesis runs (3.3). */
enum HypothesisStrategy {
    DEFAULT(true, false, true),
    BEFORE_METHOD_ONLY(true, false, false),
    AFTER_METHOD_ONLY(false, false, true),
    DURING_METHOD_ONLY(false, true, false),
    CONTINUOUSLY(true, true, true),
    SKIP(false, false, false);

    final boolean before;
    final boolean during;
    final boolean after;

    HypothesisStrategy(boolean before, boolean during, boolean after) {
        this.before = before;
        this.during = during;
        this.after = after;
    }

    /** The CLI strings, including its misspelling {@code continously}; anything else crashes like chaoslib. */
    public static HypothesisStrategy parse(Object value) {
        return switch (String.valueOf(value)) {
            case "default" -> DEFAULT;
            case "before-method-only" -> BEFORE_METHOD_ONLY;
            case "after-method-only" -> AFTER_METHOD_ONLY;
            case "during-method-only" -> DURING_METHOD_ONLY;
            case "continuously", "continously" -> CONTINUOUSLY;
            case "skip" -> SKIP;
            default -> throw new PythonError("ValueError", "Unknown strategy: " + value);
        };
    }
}
