package io.github.dqualizer.ctk.jobs.store;

import io.github.dqualizer.ctk.recovery.RecoveryJudge;
import io.github.dqualizer.ctk.recovery.ResponseMeasures;

/**
 * What a finished (or still unfinished) run looks like to a waiting client.
 *
 * @param responseMeasures the measured recovery time judged against the expected one; null when the run has none
 * @param callbackRequested its outcome is to be POSTed to a callback URL once it ends
 */
public record RunOutcome(String runId, String title, RunStatus status, Boolean deviated, ResponseMeasures responseMeasures,
                         boolean callbackRequested) {

    public static RunOutcome of(ExperimentRun run) {
        return of(run.id(), run.title(), run.status(), run.deviated(), run.experimentJson(), run.journalJson(),
                run.callbackUrl());
    }

    static RunOutcome of(String runId, String title, RunStatus status, Boolean deviated, String experimentJson,
                         String journalJson, String callbackUrl) {
        return new RunOutcome(runId, title, status, deviated,
                RecoveryJudge.judge(experimentJson, journalJson).orElse(null), callbackUrl != null);
    }
}
