package io.github.dqualizer.ctk.engine.activity;

import io.github.dqualizer.ctk.engine.substitution.Substitutor;
import io.github.dqualizer.ctk.pyvalues.PyValues;
import io.github.dqualizer.ctk.pyvalues.PythonError;
import java.util.Map;

/** Activity pauses (3.7 step 4/8): substituted, must end up non-negative numbers; sleeping honours interruption. */
final class Pauses {

    private Pauses() {
    }

    /** Whether the activity declares a truthy pause of that kind (before substitution). */
    static boolean has(Map<?, ?> activity, String when) {
        return activity.get("pauses") instanceof Map<?, ?> pauses && PyValues.truthy(pauses.get(when));
    }

    static void pause(Map<?, ?> activity, String when, Substitutor substitutor) {
        if (!(activity.get("pauses") instanceof Map<?, ?> pauses)) {
            if (activity.get("pauses") != null) {
                throw new PythonError("AttributeError", "'" + PyValues.typeName(activity.get("pauses"))
                        + "' object has no attribute 'get'");
            }
            return;
        }
        Object value = substitutor.apply(pauses.get(when));
        if (!PyValues.truthy(value)) {
            return;
        }
        if (!PyValues.isNumeric(value)) {
            throw new PythonError("TypeError", "'" + PyValues.typeName(value)
                    + "' object cannot be interpreted as an integer");
        }
        double seconds = PyValues.toDecimal(value).doubleValue();
        if (seconds < 0) {
            throw new PythonError("ValueError", "sleep length must be non-negative");
        }
        try {
            Thread.sleep((long) (seconds * 1000));
        } catch (InterruptedException e) {
            throw new RunInterruptedException("interrupted during the " + when + " pause of activity '"
                    + activity.get("name") + "'");
        }
    }
}
