package io.github.dqualizer.ctk.engine.activity;

/** The run was cancelled (the running thread was interrupted): CTK's {@code InterruptExecution}. */
public class RunInterruptedException extends RuntimeException {

    public RunInterruptedException(String message) {
        super(message);
    }
}
