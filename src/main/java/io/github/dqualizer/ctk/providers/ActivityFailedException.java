package io.github.dqualizer.ctk.providers;

/** CTK's {@code ActivityFailed}: the activity failed, the experiment goes on. Message is shown in the journal. */
public class ActivityFailedException extends RuntimeException {

    public ActivityFailedException(String message) {
        super(message);
    }

    public ActivityFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
