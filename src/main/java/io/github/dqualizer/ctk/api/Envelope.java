package io.github.dqualizer.ctk.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.dqualizer.ctk.recovery.ResponseMeasures;

/**
 * The prototype's response envelope {@code {status_code, status, info}}, extended with run fields.
 * The HTTP status equals {@code status_code}, except for wait mode with {@code ctk.api.outcome-in-body} (always 200).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"status_code", "status", "info", "run_id", "title", "deviated", "journal_status", "response_measures"})
record Envelope(
        @JsonProperty("status_code") int statusCode,
        String status,
        @JsonInclude(JsonInclude.Include.ALWAYS) Object info,
        @JsonProperty("run_id") String runId,
        String title,
        Boolean deviated,
        @JsonProperty("journal_status") String journalStatus,
        @JsonProperty("response_measures") ResponseMeasures responseMeasures) {

    public static Envelope error(int statusCode, String status, Object info) {
        return new Envelope(statusCode, status, info == null ? "" : info, null, null, null, null, null);
    }
}
