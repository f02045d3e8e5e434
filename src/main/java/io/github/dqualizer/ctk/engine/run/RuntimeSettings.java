package io.github.dqualizer.ctk.engine.run;

import io.github.dqualizer.ctk.pyvalues.PyValues;
import java.util.Map;

/**
 * The experiment's {@code runtime} block as the CLI reads it (1.7), plus this service's
 * {@code runtime.hypothesis.frequency} (seconds, default 1.0) and {@code runtime.hypothesis.fail_fast}
 * (default false) standing for the CLI flags.
 */
record RuntimeSettings(HypothesisStrategy hypothesis, String rollbacks, double frequency, boolean failFast) {

    public static RuntimeSettings from(Map<String, Object> experiment) {
        Object runtime = experiment.get("runtime");
        if (!PyValues.truthy(runtime) || !(runtime instanceof Map<?, ?> block)) {
            return new RuntimeSettings(HypothesisStrategy.DEFAULT, "default", 1.0, false);
        }
        Map<?, ?> hypothesis = block.get("hypothesis") instanceof Map<?, ?> h ? h : Map.of();
        Map<?, ?> rollbacks = block.get("rollbacks") instanceof Map<?, ?> r ? r : Map.of();
        Object strategy = hypothesis.get("strategy") == null ? "default" : hypothesis.get("strategy");
        Object rollbackStrategy = rollbacks.get("strategy") == null ? "default" : rollbacks.get("strategy");
        double frequency = hypothesis.get("frequency") instanceof Number n
                ? Math.max(0, n.doubleValue()) : 1.0;
        boolean failFast = Boolean.TRUE.equals(hypothesis.get("fail_fast"));
        return new RuntimeSettings(HypothesisStrategy.parse(strategy), String.valueOf(rollbackStrategy), frequency,
                failFast);
    }
}
