package io.github.dqualizer.ctk.jobs;

import io.github.dqualizer.ctk.engine.DryMode;
import io.github.dqualizer.ctk.engine.ExperimentRunner;
import io.github.dqualizer.ctk.engine.RunOptions;
import io.github.dqualizer.ctk.engine.RunStop;
import io.github.dqualizer.ctk.jobs.cluster.InstanceIdentity;
import io.github.dqualizer.ctk.jobs.execution.DatabaseRetry;
import io.github.dqualizer.ctk.jobs.execution.RunExecutions;
import io.github.dqualizer.ctk.jobs.execution.RunResultStore;
import io.github.dqualizer.ctk.jobs.jobrunr.CurrentJob;
import io.github.dqualizer.ctk.jobs.jobrunr.JobStartNudger;
import io.github.dqualizer.ctk.jobs.store.ExperimentRun;
import io.github.dqualizer.ctk.jobs.store.ExperimentRunRepository;
import io.github.dqualizer.ctk.jobs.store.RunTransitions;
import io.github.dqualizer.ctk.jobs.store.RunStatus;
import io.github.dqualizer.ctk.jobs.store.StoredExperiment;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The JobRunr job: loads a run by id, executes it with the CTK engine and stores journal and status. */
@Component
public class ExperimentJob {

    private static final Logger log = LoggerFactory.getLogger(ExperimentJob.class);

    private final RunTransitions transitions;
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

    ExperimentJob(ExperimentRunRepository runs, RunTransitions transitions, AcceptedRuns acceptedRuns, JobStartNudger nudger, StoredExperiment storage, ExperimentRunner runner,
                  RunResultStore results, RunExecutions executions, InstanceIdentity instance, DatabaseRetry retry,
                  Clock clock) {
        this.runs = runs;
        this.transitions = transitions;
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

    /**
     * Enqueued with zero retries by {@link RunSubmitter}: re-running chaos from the start is never safe. Ends the
     * job as the run ended ({@link JobStateMapping}): a run that did not complete throws
     * {@link UnsuccessfulRunException} after its result is stored, so the job is FAILED and never retried.
     */
    public void execute(String runId) {
        nudger.started(runId);
        executions.claiming(runId);
        ExperimentRun run;
        Map<String, Object> journal;
        try {
            run = claim(runId);
            if (run == null) {
                return;
            }
            ExecutedOn.logToDashboard(instance.host());
            RunStop stop = executions.started(runId);
            try {
                journal = runner.run(storage.forExecution(run), new RunOptions(runId, DryMode.parse(run.dryMode()), false, stop));
            } catch (RuntimeException e) {
                // the engine answers every failure with a journal; this guards against its own defects
                log.error("Run {} could not be executed", runId, e);
                journal = null;
                results.store(run, null, "The run could not be executed: " + e.getClass().getSimpleName());
            }
            if (journal != null) {
                journal = ExecutedOn.stamp(journal, instance.host());
                results.store(run, journal, null);
            }
        } finally {
            executions.ended(runId);
            Thread.interrupted(); // an interruption was for this run only, not for JobRunr's worker
        }
        endJobAs(run, journal);
    }

    /** Thrown last, outside the run's bookkeeping: the run's status and journal are stored as they are. */
    private void endJobAs(ExperimentRun run, Map<String, Object> journal) {
        JobStateMapping.JobState state = JobStateMapping.of(run.status(), run.deviated(), run.statusReason(), journal);
        if (state.failed()) {
            throw new UnsuccessfulRunException(state.message());
        }
        if (state.message() != null) { // a deviation: the job succeeded, and says so in its log
            log.warn("Run {}: {}", run.id(), state.message());
            dashboardWarning(state.message());
        }
    }

    /** A WARN line in the log of the job this thread executes (JobRunr's dashboard). */
    private static void dashboardWarning(String line) {
        CurrentJob.executing().ifPresent(job -> job.logger().warn(line));
    }

    /**
     * Only a queued run is ever started, so a cancelled, recovered or finished run never runs (again). A run this
     * instance stored already claimed, with its job processing here ({@code LocalJobStart}), is its own at once.
     */
    private ExperimentRun claim(String runId) {
        ExperimentRun accepted = acceptedRuns.take(runId);
        if (accepted != null && accepted.status() == RunStatus.RUNNING && instance.name().equals(accepted.node())) {
            log.info("Run {} started: {}", runId, accepted.title());
            return accepted;
        }
        // a job fetched just before an outage waits for the database instead of failing with its run still queued
        Instant startedAt = clock.instant();
        int claimed = retry.untilReachable(runId, "start",
                () -> transitions.markStarted(runId, instance.name(), instance.host(), startedAt));
        if (claimed == 1 && accepted != null) {
            accepted.start(instance.name(), instance.host(), startedAt); // now as stored
            log.info("Run {} started: {}", runId, accepted.title());
            return accepted;
        }
        ExperimentRun run = retry.untilReachable(runId, "start", () -> runs.findById(runId).orElse(null));
        if (claimed == 0 && !claimLostInOutage(run, startedAt)) {
            notStarted(runId, run);
            return null;
        }
        log.info("Run {} started: {}", runId, run.title());
        return run;
    }

    /**
     * A job whose run already ended (requeued by other means than the dashboard, whose Requeue starts a new run):
     * said in the job's log, and the job ends as the run did, so its dashboard state stays true.
     */
    private void notStarted(String runId, ExperimentRun run) {
        if (run == null || !run.status().terminal()) {
            log.warn("Run {} is not queued ({}); not starting it", runId, run == null ? "missing" : run.status());
            return;
        }
        String line = "Run " + runId + " already ended (" + run.status().wireName() + "); a run never executes twice. "
                + "Requeue in the dashboard or POST /experiments/" + runId + "/rerun starts a new run of it.";
        log.warn(line);
        dashboardWarning(line);
        JobStateMapping.JobState state = JobStateMapping.of(run.status(), run.deviated(), run.statusReason(), null);
        if (state.failed()) {
            throw new UnsuccessfulRunException(state.message());
        }
    }

    /**
     * A retried claim finds 0 rows when the first attempt committed but its answer was lost: the run is ours. Ours
     * means our node and our start time: a run whose rollbacks this instance's crash recovery plays also carries our
     * node, but the start of the instance that died (or none), and its method must never run again.
     */
    private boolean claimLostInOutage(ExperimentRun run, Instant claimedAt) {
        return run != null && run.status() == RunStatus.RUNNING && instance.name().equals(run.node())
                && run.endedAt() == null && !executions.isExecuting(run.id())
                // whole seconds: MariaDB 10.x through Connector/J stores no fraction (docs/operations.md)
                && run.startedAt() != null && !run.startedAt().isBefore(claimedAt.truncatedTo(ChronoUnit.SECONDS));
    }
}
