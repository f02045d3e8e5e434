package io.github.dqualizer.ctk.experiment.jsonpath;

/** The path is not valid in the jsonpath2 grammar. */
public class JsonPathException extends RuntimeException {

    public JsonPathException(String message) {
        super(message);
    }
}
