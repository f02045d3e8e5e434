package io.github.dqualizer.ctk.experiment;

public class ExperimentFormatException extends RuntimeException {
    public ExperimentFormatException(String message) {
        super(message);
    }
}
