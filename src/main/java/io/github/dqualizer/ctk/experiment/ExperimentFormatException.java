package io.github.dqualizer.ctk.experiment;

/** The submitted document is not a parseable JSON/YAML object; the message is safe to show to a client. */
public class ExperimentFormatException extends RuntimeException {

    public ExperimentFormatException(String message) {
        super(message);
    }
}
