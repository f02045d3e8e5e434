package io.github.dqualizer.ctk.recovery;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The expected recovery time of a run next to the one it measured.
 *
 * @param expectedRecoveryTimeMs {@code expected_recovery_time_ms} (or {@code expected_response_time_ms}) of the first extension
 * @param actualRecoveryTimeMs   what {@code get_duration_until_process_started} returned; null when the process did not come back in time
 * @param met                    the actual time is known and at most the expected one
 */
@JsonPropertyOrder({"expected_recovery_time_ms", "actual_recovery_time_ms", "met"})
public record ResponseMeasures(
        @JsonProperty("expected_recovery_time_ms") Number expectedRecoveryTimeMs,
        @JsonProperty("actual_recovery_time_ms") @JsonInclude(JsonInclude.Include.ALWAYS) Double actualRecoveryTimeMs,
        boolean met) {

    static ResponseMeasures judge(Number expected, Double actual) {
        return new ResponseMeasures(expected, actual, actual != null && actual <= expected.doubleValue());
    }
}
