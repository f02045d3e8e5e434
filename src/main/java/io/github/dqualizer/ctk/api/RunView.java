package io.github.dqualizer.ctk.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.dqualizer.ctk.jobs.store.ExperimentRun;
import java.time.Instant;

/** A run as {@code GET /experiments/{id}} shows it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record RunView(@JsonProperty("run_id") String runId, String title, String status, Boolean deviated,
               @JsonProperty("dry") String dryMode,
               @JsonProperty("status_reason") String statusReason,
               @JsonProperty("submitted_at") Instant submittedAt,
               @JsonProperty("started_at") Instant startedAt,
               @JsonProperty("ended_at") Instant endedAt,
               Envelope outcome) {

    static RunView of(ExperimentRun run) {
        return new RunView(run.id(), run.title(), run.status().wireName(), run.deviated(), run.dryMode(),
                run.statusReason(), run.submittedAt(), run.startedAt(), run.endedAt(), Outcomes.envelope(run.id(),
                run.title(), run.status(), run.deviated()));
    }
}
