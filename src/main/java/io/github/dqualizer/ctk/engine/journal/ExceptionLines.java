package io.github.dqualizer.ctk.engine.journal;

import java.util.ArrayList;
import java.util.List;

/** The run record's {@code exception}: traceback-style lines whose last one names the error. */
public final class ExceptionLines {

    private ExceptionLines() {
    }

    /** Lines of a failed activity; the last is {@code chaoslib.exceptions.ActivityFailed: <message>\n}. */
    public static List<String> activityFailed(String message) {
        return of("chaoslib.exceptions.ActivityFailed", message);
    }

    /** Lines of an error of the given (Python) type. */
    public static List<String> of(String type, String message) {
        List<String> lines = new ArrayList<>();
        lines.add("Traceback (most recent call last):\n");
        lines.add("  File \"dqualizer-ctk engine\", in execute_activity\n");
        lines.add(type + ": " + message + "\n");
        return lines;
    }
}
