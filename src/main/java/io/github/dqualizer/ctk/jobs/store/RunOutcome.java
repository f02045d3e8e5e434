package io.github.dqualizer.ctk.jobs.store;

/** What a finished (or still unfinished) run looks like to a waiting client. */
public record RunOutcome(String runId, String title, RunStatus status, Boolean deviated) {

    public static RunOutcome of(ExperimentRun run) {
        return new RunOutcome(run.id(), run.title(), run.status(), run.deviated());
    }
}
