package io.github.dqualizer.ctk.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.dqualizer.ctk.jobs.store.RunOutcome;
import io.github.dqualizer.ctk.jobs.store.StoredRun;
import io.github.dqualizer.ctk.recovery.ResponseMeasures;
import java.time.Instant;

/** A run as {@code GET /experiments/{id}} shows it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record RunView(@JsonProperty("run_id") String runId, String title, String status, Boolean deviated,
               @JsonProperty("dry") String dryMode,
               @JsonProperty("status_reason") String statusReason,
               @JsonProperty("submitted_at") Instant submittedAt,
               @JsonProperty("started_at") Instant startedAt,
               @JsonProperty("ended_at") Instant endedAt,
               @JsonProperty("rerun_of") String rerunOf,
               @JsonProperty("schedule_id") String scheduleId,
               String host,
               @JsonProperty("pinned_host") String pinnedHost,
               @JsonProperty("waiting_for") String waitingFor,
               @JsonProperty("response_measures") ResponseMeasures responseMeasures,
               Envelope outcome) {

    /** What a client asking to cancel sees: {@code cancelling} while the run has not ended yet. */
    static final String CANCELLING = "cancelling";

    static RunView of(StoredRun run) {
        return of(run, run.status().wireName());
    }

    /** The answer to a cancel: a run that has not ended yet is being cancelled, not simply running. */
    static RunView afterCancel(StoredRun run) {
        return of(run, run.status().terminal() ? run.status().wireName() : CANCELLING);
    }

    private static RunView of(StoredRun run, String status) {
        RunOutcome outcome = run.outcome();
        return new RunView(run.id(), run.title(), status, run.deviated(), run.dryMode(),
                run.statusReason(), run.submittedAt(), run.startedAt(), run.endedAt(), run.rerunOf(), run.scheduleId(),
                run.host(), run.pinnedHost(), null, outcome.responseMeasures(), Outcomes.envelope(outcome));
    }

    /** This view, saying what a pinned run waits for (no live instance on its host); null: nothing. */
    RunView waitingFor(String what) {
        return new RunView(runId, title, status, deviated, dryMode, statusReason, submittedAt, startedAt, endedAt,
                rerunOf, scheduleId, host, pinnedHost, what, responseMeasures, outcome);
    }
}
