package io.github.dqualizer.ctk.jobs;

import io.github.dqualizer.ctk.engine.DryMode;
import io.github.dqualizer.ctk.engine.ExperimentRunner;
import io.github.dqualizer.ctk.engine.RunOptions;
import io.github.dqualizer.ctk.engine.RunStop;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The JobRunr job: loads a run by id, executes it with the CTK engine and stores journal and status. */
@Component
public class ExperimentJob {

    private static final Logger log = LoggerFactory.getLogger(ExperimentJob.class);

    private final ExperimentRunRepository runs;
    private final AcceptedRuns acceptedRuns;
    private final JobStartNudger nudger;
    private final StoredExperiment storage;
    private final ExperimentRunner runner;
    private final RunResultStore results;
    private final RunExecutions executions;
    private final InstanceIdentity instance;
    private final DatabaseRetry retry;
    private final Clock clock;

    ExperimentJob(ExperimentRunRepository runs, AcceptedRuns acceptedRuns, JobStartNudger nudger, StoredExperiment storage, ExperimentRunner runner,
                  RunResultStore results, RunExecutions executions, InstanceIdentity instance, DatabaseRetry retry,
                  Clock clock) {
        this.runs = runs;
        this.acceptedRuns = acceptedRuns;
        this.nudger = nudger;
        this.storage = storage;
        this.runner = runner;
        this.results = results;
        this.executions = executions;
        this.instance = instance;
        this.retry = retry;
        this.clock = clock;
    }

    /** Enqueued with zero retries by {@link RunSubmitter}: re-running chaos from the start is never safe. */
    public void execute(String runId) {
        nudger.started(runId);
        executions.claiming(runId);
        try {
            ExperimentRun run = claim(runId);
            if (run == null) {
                return;
            }
            RunStop stop = executions.started(runId);
            Map<String, Object> journal;
            try {
                journal = runner.run(storage.forExecution(run), new RunOptions(runId, DryMode.parse(run.dryMode()), false, stop));
            } catch (RuntimeException e) {
                // the engine answers every failure with a journal; this guards against its own defects
                log.error("Run {} could not be executed", runId, e);
                results.store(run, null, "The run could not be executed: " + e.getClass().getSimpleName());
                return;
            }
            results.store(run, journal, null);
        } finally {
            executions.ended(runId);
            Thread.interrupted(); // an interruption was for this run only, not for JobRunr's worker
        }
    }

    /** Only a queued run is ever started, so a cancelled, recovered or finished run never runs (again). */
    private ExperimentRun claim(String runId) {
        // a job fetched just before an outage waits for the database instead of failing with its run still queued
        Instant startedAt = clock.instant();
        int claimed = retry.untilReachable(runId, "start", () -> runs.markStarted(runId, instance.name(), startedAt));
        ExperimentRun accepted = acceptedRuns.take(runId);
        if (claimed == 1 && accepted != null) {
            accepted.start(instance.name(), startedAt); // now as stored
            log.info("Run {} started: {}", runId, accepted.title());
            return accepted;
        }
        ExperimentRun run = retry.untilReachable(runId, "start", () -> runs.findById(runId).orElse(null));
        if (claimed == 0 && !claimLostInOutage(run)) {
            log.warn("Run {} is not queued ({}); not starting it", runId, run == null ? "missing" : run.status());
            return null;
        }
        log.info("Run {} started: {}", runId, run.title());
        return run;
    }

    /** A retried claim finds 0 rows when the first attempt committed but its answer was lost: the run is ours. */
    private boolean claimLostInOutage(ExperimentRun run) {
        return run != null && run.status() == RunStatus.RUNNING && instance.name().equals(run.node())
                && run.endedAt() == null && !executions.isExecuting(run.id());
    }
}
