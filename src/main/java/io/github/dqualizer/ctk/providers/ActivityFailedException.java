package io.github.dqualizer.ctk.providers;

import java.util.List;

/** CTK's {@code ActivityFailed}: the activity failed, the experiment goes on. Message is shown in the journal. */
public class ActivityFailedException extends RuntimeException {

    private final List<String> exceptionLines;

    public ActivityFailedException(String message) {
        super(message);
        this.exceptionLines = null;
    }

    public ActivityFailedException(String message, Throwable cause) {
        super(message, cause);
        this.exceptionLines = null;
    }

    /** A failure whose journal {@code exception} lines are known already (a Python traceback). */
    public ActivityFailedException(String message, List<String> exceptionLines) {
        super(message);
        this.exceptionLines = List.copyOf(exceptionLines);
    }

    /** The journal's {@code exception} lines when they came with the failure, else {@code null}. */
    public List<String> exceptionLines() {
        return exceptionLines;
    }
}
