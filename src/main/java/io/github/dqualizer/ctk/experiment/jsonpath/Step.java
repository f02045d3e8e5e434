package io.github.dqualizer.ctk.experiment.jsonpath;

import java.util.List;
import java.util.function.Consumer;

/** One step of a path: a union of subscripts, optionally applied at every depth ({@code ..}). */
record Step(List<Subscript> subscripts, boolean recursive) {

    void apply(Object root, Object current, Consumer<Object> out) {
        if (recursive) {
            descend(root, current, out);
        } else {
            applyHere(root, current, out);
        }
    }

    private void applyHere(Object root, Object current, Consumer<Object> out) {
        for (Subscript subscript : subscripts) {
            subscript.match(root, current, out);
        }
    }

    /** jsonpath2 walks depth-first, pre-order: the node itself, then its children. */
    private void descend(Object root, Object current, Consumer<Object> out) {
        applyHere(root, current, out);
        if (current instanceof java.util.Map<?, ?> map) {
            for (Object child : map.values()) {
                descend(root, child, out);
            }
        } else if (current instanceof List<?> list) {
            for (Object child : list) {
                descend(root, child, out);
            }
        }
    }
}
