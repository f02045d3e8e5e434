package io.github.dqualizer.ctk.engine.tolerance;

import io.github.dqualizer.ctk.pyvalues.PyValues;
import io.github.dqualizer.ctk.pyvalues.PythonError;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code type: range}: decimal comparison, floats exactly from their binary value (4.5). */
final class RangeTolerance {

    private RangeTolerance() {
    }

    static boolean check(Map<?, ?> tolerance, Object output) {
        Object value = Targets.select(tolerance, output);
        List<?> range = (List<?>) tolerance.get("range");
        double[] special = new double[3];
        BigDecimal lower = decimal(range.get(0), special, 0);
        BigDecimal upper = decimal(range.get(1), special, 1);
        BigDecimal actual;
        if (value instanceof String s) {
            actual = parse(s, special, 2);
            if (actual == null && special[2] == 0) {
                return false; // not a number: decimal.InvalidOperation is caught by chaoslib
            }
        } else if (PyValues.isNumeric(value)) {
            actual = decimal(value, special, 2);
        } else {
            throw new PythonError("TypeError", "conversion from " + PyValues.typeName(value) + " to Decimal is not supported");
        }
        if (Double.isNaN(special[0]) || Double.isNaN(special[1]) || Double.isNaN(special[2])) {
            throw new PythonError("decimal.InvalidOperation", "[<class 'decimal.InvalidOperation'>]");
        }
        return compare(lower, special[0], actual, special[2]) <= 0 && compare(actual, special[2], upper, special[1]) <= 0;
    }

    /** Infinite values are kept in {@code special[slot]} as ±Infinity/NaN, finite ones as BigDecimal. */
    private static BigDecimal decimal(Object value, double[] special, int slot) {
        if (value instanceof Double d && (d.isNaN() || d.isInfinite())) {
            special[slot] = d;
            return null;
        }
        return PyValues.toDecimal(value);
    }

    private static BigDecimal parse(String s, double[] special, int slot) {
        String t = s.strip().replace("_", "");
        String lower = t.toLowerCase(Locale.ROOT);
        String unsigned = lower.startsWith("+") || lower.startsWith("-") ? lower.substring(1) : lower;
        if (unsigned.equals("nan") || unsigned.equals("snan")) {
            special[slot] = Double.NaN;
            return null;
        }
        if (unsigned.equals("inf") || unsigned.equals("infinity")) {
            special[slot] = lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            return null;
        }
        try {
            return new BigDecimal(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static int compare(BigDecimal a, double specialA, BigDecimal b, double specialB) {
        if (a != null && b != null) {
            return a.compareTo(b);
        }
        if (a != null) {
            return specialB > 0 ? -1 : 1;
        }
        if (b != null) {
            return specialA > 0 ? 1 : -1;
        }
        return Double.compare(specialA, specialB);
    }
}
