package io.github.dqualizer.ctk.pythonruntime;

import java.util.List;

/** What a python activity call came to, in chaoslib's terms (6.1). */
public sealed interface PythonOutcome {

    /** The function returned; {@code value} is its output as JSON values. */
    record Returned(Object value) implements PythonOutcome {
    }

    /**
     * The function raised (chaoslib's {@code ActivityFailed}), or the worker died while it ran.
     *
     * @param message   {@code <ExceptionType>: <message>}
     * @param exception traceback lines whose last is {@code chaoslib.exceptions.ActivityFailed: <message>\n}
     */
    record Failed(String message, List<String> exception) implements PythonOutcome {
    }

    /** Importing or preparing the call failed (a crash in chaoslib: the method is aborted). */
    record Crashed(String type, String message) implements PythonOutcome {
    }

    /** The function raised {@code KeyboardInterrupt} or {@code SystemExit}: chaoslib interrupts the run. */
    record Interrupted(String type, String message) implements PythonOutcome {
    }
}
