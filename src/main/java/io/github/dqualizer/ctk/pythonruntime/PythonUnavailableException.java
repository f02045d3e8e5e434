package io.github.dqualizer.ctk.pythonruntime;

/** No Python worker could be started with {@code ctk.python.executable}; the message says why and names the setting. */
public class PythonUnavailableException extends Exception {

    public PythonUnavailableException(String message) {
        super(message);
    }
}
