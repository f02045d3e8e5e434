package io.github.dqualizer.ctk.jobs;

import io.github.dqualizer.ctk.jobs.jobrunr.RequeueAction;
import io.github.dqualizer.ctk.jobs.store.RunOutcome;
import io.github.dqualizer.ctk.jobs.store.RunQueries;
import io.github.dqualizer.ctk.jobs.store.StoredRun;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Requeue in the dashboard on a run's job means "run it again": a new run, linked by {@code rerun_of}. */
@Component
class RerunOnRequeue implements RequeueAction {

    private static final Logger log = LoggerFactory.getLogger(RerunOnRequeue.class);

    private final RunQueries runs;
    private final RunSubmitter submitter;

    RerunOnRequeue(RunQueries runs, RunSubmitter submitter) {
        this.runs = runs;
        this.submitter = submitter;
    }

    @Override
    public Outcome requeue(UUID jobId) {
        Optional<StoredRun> run = runs.any(jobId.toString()); // a run's id is its job's id
        if (run.isEmpty()) {
            return Outcome.NOT_MINE;
        }
        if (!run.get().status().terminal()) {
            return Outcome.REFUSED;
        }
        RunOutcome again;
        try {
            again = submitter.rerun(run.get());
        } catch (IllegalStateException cannot) { // its stored secrets no configured key decrypts for it, or it is gone
            log.warn("Run {} requeued in the dashboard cannot run again: {}", jobId, cannot.getMessage());
            return Outcome.REFUSED;
        }
        log.info("Run {} requeued in the dashboard: runs again as run {}", jobId, again.runId());
        return Outcome.startedAgain("Requeued in the dashboard: runs again as run " + again.runId()
                + " (GET /experiments/" + again.runId() + ")");
    }
}
