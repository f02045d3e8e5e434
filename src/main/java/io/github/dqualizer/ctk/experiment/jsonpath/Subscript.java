package io.github.dqualizer.ctk.experiment.jsonpath;

import io.github.dqualizer.ctk.pyvalues.PyValues;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** A jsonpath2 subscript: object key, array index, slice, wildcard, filter, node index, callable. */
sealed interface Subscript {

    void match(Object root, Object current, Consumer<Object> out);

    record Key(String name) implements Subscript {
        public void match(Object root, Object current, Consumer<Object> out) {
            if (current instanceof Map<?, ?> map && map.containsKey(name)) {
                out.accept(map.get(name));
            }
        }
    }

    record Index(long index) implements Subscript {
        public void match(Object root, Object current, Consumer<Object> out) {
            if (current instanceof List<?> list) {
                long i = index < 0 ? index + list.size() : index;
                if (i >= 0 && i < list.size()) {
                    out.accept(list.get((int) i));
                }
            }
        }
    }

    record Slice(Long start, Long end, Long step) implements Subscript {
        public void match(Object root, Object current, Consumer<Object> out) {
            if (current instanceof List<?> list) {
                for (int i : Slices.indices(list.size(), start, end, step)) {
                    out.accept(list.get(i));
                }
            }
        }
    }

    record Wildcard() implements Subscript {
        public void match(Object root, Object current, Consumer<Object> out) {
            if (current instanceof Map<?, ?> map) {
                map.values().forEach(out);
            } else if (current instanceof List<?> list) {
                list.forEach(out);
            }
        }
    }

    /** jsonpath2 tests the current node itself, not its children. */
    record Filter(Expression expression) implements Subscript {
        public void match(Object root, Object current, Consumer<Object> out) {
            if (expression.test(root, current)) {
                out.accept(current);
            }
        }
    }

    /** {@code [$.x]} / {@code [@.x]}: the path's values used as keys or indexes. */
    record NodeIndex(PathExpr path) implements Subscript {
        public void match(Object root, Object current, Consumer<Object> out) {
            for (Object value : path.evaluate(root, current)) {
                if (value instanceof String key) {
                    new Key(key).match(root, current, out);
                } else if (PyValues.isInteger(value)) {
                    new Index(((Number) value).longValue()).match(root, current, out);
                }
            }
        }
    }

    record Call(String name, List<Object> arguments) implements Subscript {
        public void match(Object root, Object current, Consumer<Object> out) {
            Callables.call(name, arguments, current, out);
        }
    }
}
