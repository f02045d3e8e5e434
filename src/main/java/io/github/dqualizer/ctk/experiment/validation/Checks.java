package io.github.dqualizer.ctk.experiment.validation;

import io.github.dqualizer.ctk.pyvalues.PyValues;

/** Small Python-flavoured predicates shared by the validators. */
final class Checks {

    private Checks() {
    }

    static boolean falsy(Object value) {
        return !PyValues.truthy(value);
    }

    /** Python {@code isinstance(x, numbers.Number)}: booleans count. */
    static boolean number(Object value) {
        return PyValues.isNumeric(value);
    }
}
