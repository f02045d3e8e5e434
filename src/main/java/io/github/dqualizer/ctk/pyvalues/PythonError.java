package io.github.dqualizer.ctk.pyvalues;

/**
 * A Python-level error that chaoslib does not turn into {@code ActivityFailed} (a "crash" in the spec):
 * {@code TypeError}, {@code KeyError}, {@code ValueError}, import errors and the like.
 */
public class PythonError extends RuntimeException {

    private final String pythonType;

    public PythonError(String pythonType, String message) {
        super(message);
        this.pythonType = pythonType;
    }

    public String pythonType() {
        return pythonType;
    }

    /** {@code TypeError: message}, the way Python prints the last traceback line. */
    public String describe() {
        return pythonType + ": " + getMessage();
    }
}
