package io.github.dqualizer.ctk.pyvalues;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Python's equality, truthiness and ordering applied to plain JSON values (null, Boolean, Number, String, List, Map). */
public final class PyValues {

    private PyValues() {
    }

    public static boolean isNumeric(Object value) {
        return value instanceof Boolean || value instanceof Number;
    }

    public static boolean isInteger(Object value) {
        return value instanceof Integer || value instanceof Long || value instanceof BigInteger
                || value instanceof Short || value instanceof Byte;
    }

    /** Python {@code a == b}: {@code 1 == 1.0 == True}, deep for lists and dicts. */
    public static boolean equal(Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (isNumeric(a) && isNumeric(b)) {
            return numericCompare(a, b) == 0;
        }
        if (a instanceof String sa && b instanceof String sb) {
            return sa.equals(sb);
        }
        if (a instanceof List<?> la && b instanceof List<?> lb) {
            if (la.size() != lb.size()) {
                return false;
            }
            Iterator<?> ib = lb.iterator();
            for (Object x : la) {
                if (!equal(x, ib.next())) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
            if (!ma.keySet().equals(mb.keySet())) {
                return false;
            }
            return ma.entrySet().stream().allMatch(e -> equal(e.getValue(), mb.get(e.getKey())));
        }
        return false;
    }

    /** Python truthiness. */
    public static boolean truthy(Object value) {
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean bool) {
            return bool;
        }
        if (value instanceof Double d) {
            return d != 0.0;
        }
        if (value instanceof Float f) {
            return f != 0.0f;
        }
        if (value instanceof Number) {
            return toDecimal(value).signum() != 0;
        }
        if (value instanceof String s) {
            return !s.isEmpty();
        }
        if (value instanceof List<?> l) {
            return !l.isEmpty();
        }
        if (value instanceof Map<?, ?> m) {
            return !m.isEmpty();
        }
        return true;
    }

    /**
     * Python ordering ({@code <}, {@code <=}, ...): numbers with numbers, strings by code point, lists
     * lexicographically; anything else is a {@code TypeError}.
     */
    public static int compare(Object a, Object b, String operator) {
        if (isNumeric(a) && isNumeric(b)) {
            if (isNaN(a) || isNaN(b)) {
                throw new PythonError("TypeError", "NaN cannot be ordered");
            }
            return numericCompare(a, b);
        }
        if (a instanceof String sa && b instanceof String sb) {
            return compareCodePoints(sa, sb);
        }
        if (a instanceof List<?> la && b instanceof List<?> lb) {
            for (int i = 0; i < Math.min(la.size(), lb.size()); i++) {
                if (!equal(la.get(i), lb.get(i))) {
                    return compare(la.get(i), lb.get(i), operator);
                }
            }
            return Integer.compare(la.size(), lb.size());
        }
        throw new PythonError("TypeError", "'" + operator + "' not supported between instances of '"
                + typeName(a) + "' and '" + typeName(b) + "'");
    }

    public static String typeName(Object value) {
        if (value == null) {
            return "NoneType";
        }
        if (value instanceof Boolean) {
            return "bool";
        }
        if (isInteger(value)) {
            return "int";
        }
        if (value instanceof Number) {
            return "float";
        }
        if (value instanceof String) {
            return "str";
        }
        if (value instanceof List) {
            return "list";
        }
        if (value instanceof Map) {
            return "dict";
        }
        if (value instanceof byte[]) {
            return "bytes";
        }
        return value.getClass().getSimpleName();
    }

    /** Exact decimal of a number (floats from their binary value), booleans as 0/1. */
    public static BigDecimal toDecimal(Object value) {
        if (value instanceof Boolean b) {
            return b ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        if (value instanceof BigDecimal d) {
            return d;
        }
        if (value instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        if (value instanceof Double || value instanceof Float) {
            return new BigDecimal(((Number) value).doubleValue());
        }
        return BigDecimal.valueOf(((Number) value).longValue());
    }

    private static boolean isNaN(Object v) {
        return v instanceof Double d && d.isNaN() || v instanceof Float f && f.isNaN();
    }

    private static int numericCompare(Object a, Object b) {
        double da = a instanceof Boolean || isInteger(a) ? 0 : ((Number) a).doubleValue();
        double db = b instanceof Boolean || isInteger(b) ? 0 : ((Number) b).doubleValue();
        if (Double.isNaN(da) || Double.isNaN(db)) {
            return 1; // never equal; ordering is rejected by compare()
        }
        if (Double.isInfinite(da) || Double.isInfinite(db)) {
            return Double.compare(da, db);
        }
        return toDecimal(a).compareTo(toDecimal(b));
    }

    private static int compareCodePoints(String a, String b) {
        int[] ca = a.codePoints().toArray();
        int[] cb = b.codePoints().toArray();
        return java.util.Arrays.compare(ca, cb);
    }
}
