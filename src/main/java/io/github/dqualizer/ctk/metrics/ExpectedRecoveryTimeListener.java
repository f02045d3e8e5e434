package io.github.dqualizer.ctk.metrics;

import io.github.dqualizer.ctk.engine.RunListener;
import io.github.dqualizer.ctk.influx.ResilienceMeasurements;
import io.github.dqualizer.ctk.providers.RunContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Writes {@code expected_response_measure} when a run starts, from the experiment's {@code expected_recovery_time_ms} extension. */
@Component
public class ExpectedRecoveryTimeListener implements RunListener {

    static final String EXTENSION_KEY = "expected_recovery_time_ms";

    private final ResilienceMeasurements measurements;

    public ExpectedRecoveryTimeListener(ResilienceMeasurements measurements) {
        this.measurements = measurements;
    }

    @Override
    public void runStarted(RunContext run) {
        expectedRecoveryTime(run.experiment()).ifPresent(ms -> measurements.expectedRecoveryTime(run.runId(), ms));
    }

    /** The first {@code extensions[*].expected_recovery_time_ms} that is a number (or a numeric string). */
    static Optional<Number> expectedRecoveryTime(Map<String, Object> experiment) {
        if (experiment == null || !(experiment.get("extensions") instanceof List<?> extensions)) {
            return Optional.empty();
        }
        return extensions.stream()
                .filter(Map.class::isInstance)
                .map(extension -> toNumber(((Map<?, ?>) extension).get(EXTENSION_KEY)))
                .flatMap(Optional::stream)
                .findFirst();
    }

    private static Optional<Number> toNumber(Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Double || value instanceof Float) {
            return Optional.of((Number) value);
        }
        if (value instanceof Number number) {
            double d = number.doubleValue();
            return Optional.of(d == Math.rint(d) && Math.abs(d) < Long.MAX_VALUE ? (Number) (long) d : (Number) d);
        }
        if (value instanceof String text) {
            try {
                return toNumber(new java.math.BigDecimal(text.trim()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
