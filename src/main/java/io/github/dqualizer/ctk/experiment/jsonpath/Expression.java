package io.github.dqualizer.ctk.experiment.jsonpath;

import io.github.dqualizer.ctk.pyvalues.PyValues;
import io.github.dqualizer.ctk.pyvalues.PythonError;
import java.util.List;

/** A filter expression of jsonpath2: and/or/not, comparisons and existence tests. */
sealed interface Expression {

    boolean test(Object root, Object current);

    record And(List<Expression> operands) implements Expression {
        public boolean test(Object root, Object current) {
            return operands.stream().allMatch(e -> e.test(root, current));
        }
    }

    record Or(List<Expression> operands) implements Expression {
        public boolean test(Object root, Object current) {
            return operands.stream().anyMatch(e -> e.test(root, current));
        }
    }

    record Not(Expression operand) implements Expression {
        public boolean test(Object root, Object current) {
            return !operand.test(root, current);
        }
    }

    /** {@code @.x} alone: some node matches; a literal alone: its truthiness. */
    record Some(Object pathOrValue) implements Expression {
        public boolean test(Object root, Object current) {
            if (pathOrValue instanceof PathExpr path) {
                return !path.evaluate(root, current).isEmpty();
            }
            return PyValues.truthy(pathOrValue);
        }
    }

    /** True when any pair (left value, right value) satisfies the operator. */
    record Compare(String operator, Object left, Object right) implements Expression {
        public boolean test(Object root, Object current) {
            List<Object> lefts = values(left, root, current);
            List<Object> rights = values(right, root, current);
            for (Object l : lefts) {
                for (Object r : rights) {
                    if (holds(l, r)) {
                        return true;
                    }
                }
            }
            return false;
        }

        /** Values Python cannot order (a list and a number, a string and a number) make jsonpath2's filter false. */
        private boolean holds(Object l, Object r) {
            try {
                return switch (operator) {
                    case "=" -> PyValues.equal(l, r);
                    case "!=" -> !PyValues.equal(l, r);
                    case "<" -> PyValues.compare(l, r, "<") < 0;
                    case "<=" -> PyValues.compare(l, r, "<=") <= 0;
                    case ">" -> PyValues.compare(l, r, ">") > 0;
                    default -> PyValues.compare(l, r, ">=") >= 0;
                };
            } catch (PythonError e) {
                if ("TypeError".equals(e.pythonType())) {
                    return false;
                }
                throw e;
            }
        }

        private static List<Object> values(Object operand, Object root, Object current) {
            if (operand instanceof PathExpr path) {
                return path.evaluate(root, current);
            }
            return java.util.Collections.singletonList(operand);
        }
    }
}
