package io.github.dqualizer.ctk.recovery;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Finds the expected recovery time in an experiment's first extension and the recovery time its run
 * measured (the output of {@code processMonitoring.get_duration_until_process_started} in the journal's
 * {@code run}), and judges one against the other.
 */
public final class RecoveryJudge {

    static final String EXPECTED_RECOVERY = "expected_recovery_time_ms";
    static final String EXPECTED_RESPONSE = "expected_response_time_ms";
    static final String MEASURING_FUNCTION = "get_duration_until_process_started";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private RecoveryJudge() {
    }

    /** From the stored documents; cheap for the many runs that have neither the extension nor the probe. */
    public static Optional<ResponseMeasures> judge(String experimentJson, String journalJson) {
        if (experimentJson == null || journalJson == null || !journalJson.contains(MEASURING_FUNCTION)
                || !(experimentJson.contains(EXPECTED_RECOVERY) || experimentJson.contains(EXPECTED_RESPONSE))) {
            return Optional.empty();
        }
        return judge(JSON.readValue(experimentJson, MAP), JSON.readValue(journalJson, MAP));
    }

    public static Optional<ResponseMeasures> judge(Map<String, Object> experiment, Map<String, Object> journal) {
        Optional<Number> expected = expected(experiment);
        if (expected.isEmpty() || !(journal.get("run") instanceof List<?> records)) {
            return Optional.empty();
        }
        Optional<Measured> measured = Optional.empty();
        for (Object record : records) {
            if (record instanceof Map<?, ?> run && measuring(run.get("activity")) && "succeeded".equals(run.get("status"))) {
                measured = Optional.of(new Measured(run.get("output") instanceof Number n ? n.doubleValue() : null));
            }
        }
        return measured.map(last -> ResponseMeasures.judge(expected.get(), last.millis()));
    }

    /** dqualizer writes its response measures into {@code extensions[0]}. */
    static Optional<Number> expected(Map<String, Object> experiment) {
        if (!(experiment.get("extensions") instanceof List<?> extensions) || extensions.isEmpty()
                || !(extensions.get(0) instanceof Map<?, ?> first)) {
            return Optional.empty();
        }
        return number(first.get(EXPECTED_RECOVERY)).or(() -> number(first.get(EXPECTED_RESPONSE)));
    }

    private static boolean measuring(Object activity) {
        return activity instanceof Map<?, ?> a && a.get("provider") instanceof Map<?, ?> provider
                && MEASURING_FUNCTION.equals(provider.get("func"));
    }

    private static Optional<Number> number(Object value) {
        if (value instanceof Number number) {
            return Optional.of(number);
        }
        if (value instanceof String text) {
            try {
                BigDecimal parsed = new BigDecimal(text.trim());
                return Optional.of(parsed.stripTrailingZeros().scale() <= 0 ? (Number) parsed.longValueExact() : parsed.doubleValue());
            } catch (NumberFormatException | ArithmeticException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private record Measured(Double millis) {
    }
}
