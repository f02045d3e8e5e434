package io.github.dqualizer.ctk.engine;

/** Where in a run an activity executes. */
public enum ActivityPhase {
    HYPOTHESIS_BEFORE, HYPOTHESIS_DURING, HYPOTHESIS_AFTER, METHOD, ROLLBACK
}
