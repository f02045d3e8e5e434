package io.github.dqualizer.ctk.experiment.jsonpath;

import java.util.ArrayList;
import java.util.List;

/** A parsed path starting at {@code $} (root) or {@code @} (current node). */
record PathExpr(boolean fromRoot, List<Step> steps) {

    List<Object> evaluate(Object root, Object current) {
        List<Object> values = new ArrayList<>();
        values.add(fromRoot ? root : current);
        for (Step step : steps) {
            List<Object> next = new ArrayList<>();
            for (Object value : values) {
                step.apply(root, value, next::add);
            }
            values = next;
        }
        return values;
    }
}
