package io.github.dqualizer.ctk.jobs.store;

import java.time.Instant;

/**
 * A run as read, for everything outside the job machinery (HTTP, live events, callbacks, schedules): a copy of the
 * stored row without the encrypted secrets, so callers never hold the JPA entity, its lazy state or its setters.
 *
 * @param experimentJson the stored document, secret values masked (needed to judge the recovery time)
 * @param journalJson the journal once the run has ended, else null
 * @param callbackUrl where the outcome is POSTed when the run ends, or null
 * @param pinnedHost the host it must execute on, or null when any instance may
 */
public record StoredRun(String id, String owner, String title, RunStatus status, String dryMode, Boolean deviated,
                        String statusReason, Instant submittedAt, Instant startedAt, Instant endedAt, String rerunOf,
                        String scheduleId, String host, String callbackUrl, String experimentJson, String journalJson,
                        String pinnedHost) {

    public static StoredRun of(ExperimentRun run) {
        return new StoredRun(run.id(), run.owner(), run.title(), run.status(), run.dryMode(), run.deviated(),
                run.statusReason(), run.submittedAt(), run.startedAt(), run.endedAt(), run.rerunOf(), run.scheduleId(),
                run.host(), run.callbackUrl(), run.experimentJson(), run.journalJson(), run.pinnedHost());
    }

    /** What a waiting client or a callback sees of this run; judges the recovery time, so it is computed on demand. */
    public RunOutcome outcome() {
        return RunOutcome.of(id, title, status, deviated, experimentJson, journalJson, callbackUrl);
    }
}
