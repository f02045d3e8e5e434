package io.github.dqualizer.ctk.experiment.jsonpath;

import java.util.List;

/**
 * A compiled path in the jsonpath2 0.4 dialect used by chaoslib's jsonpath tolerance: {@code $} required,
 * double-quoted keys, {@code =} for equality, filters test the current node itself (see ADR 0002).
 */
public final class JsonPath {

    private final PathExpr path;

    private JsonPath(PathExpr path) {
        this.path = path;
    }

    /** @throws JsonPathException when jsonpath2 would not parse the path */
    public static JsonPath parse(String text) {
        return new JsonPath(Parser.parse(text));
    }

    /** Values of all matching nodes, in document order. */
    public List<Object> values(Object document) {
        return path.evaluate(document, document);
    }
}
