package io.github.dqualizer.ctk.jobs;

import io.github.dqualizer.ctk.jobs.cluster.InstanceIdentity;
import io.github.dqualizer.ctk.jobs.completion.RunCompletionNotifier;
import io.github.dqualizer.ctk.jobs.completion.RunQueued;
import io.github.dqualizer.ctk.jobs.execution.RunExecutions;
import io.github.dqualizer.ctk.jobs.jobrunr.JobStartNudger;
import io.github.dqualizer.ctk.jobs.jobrunr.LocalJobStart;
import io.github.dqualizer.ctk.jobs.store.ExperimentRun;
import io.github.dqualizer.ctk.jobs.store.ExperimentRunRepository;
import io.github.dqualizer.ctk.jobs.store.RunOutcome;
import io.github.dqualizer.ctk.jobs.store.RunStatus;
import io.github.dqualizer.ctk.jobs.store.StoredExperiment;
import io.github.dqualizer.ctk.jobs.store.StoredRun;
import io.github.dqualizer.ctk.jobs.fleet.FleetRouting;
import io.github.dqualizer.ctk.jobs.fleet.NoLiveHostException;
import java.time.Clock;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.JobDetails;
import org.jobrunr.jobs.JobParameter;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Stores an accepted run and creates its JobRunr job, which carries only the run id; publishes {@link RunQueued}. */
@Component
public class RunSubmitter {

    private static final int MAX_JOB_NAME = 200;
    /** experiment_runs.title is VARCHAR(512); the whole title stays in the stored document. */
    static final int MAX_TITLE = 512;

    private final RunBatchWriter writer;
    private final AcceptedRuns acceptedRuns;
    private final StoredExperiment storage;
    private final JobStartNudger nudger;
    private final ApplicationEventPublisher events;
    private final ExperimentRunRepository runs;
    private final RunCompletionNotifier notifier;
    private final InstanceIdentity instance;
    private final FleetRouting routing;
    private final LocalJobStart localStart;
    private final RunExecutions executions;
    private final Clock clock;

    RunSubmitter(RunBatchWriter writer, AcceptedRuns acceptedRuns, StoredExperiment storage, JobStartNudger nudger,
                 ApplicationEventPublisher events, ExperimentRunRepository runs, RunCompletionNotifier notifier,
                 InstanceIdentity instance, FleetRouting routing, LocalJobStart localStart, RunExecutions executions,
                 Clock clock) {
        this.localStart = localStart;
        this.executions = executions;
        this.instance = instance;
        this.routing = routing;
        this.writer = writer;
        this.acceptedRuns = acceptedRuns;
        this.storage = storage;
        this.nudger = nudger;
        this.events = events;
        this.runs = runs;
        this.notifier = notifier;
        this.clock = clock;
    }

    /** Creates the run id first so a waiter can register before the job can possibly finish. */
    public String newRunId() {
        return UUID.randomUUID().toString();
    }

    /** Blocking (JDBC, shared with other submissions by {@link RunBatchWriter}): call on a bounded-elastic scheduler. */
    public RunOutcome submit(String runId, String owner, Map<String, Object> experiment, String dryMode) {
        return submit(runId, owner, experiment, RunOrigin.api(dryMode, null));
    }

    /**
     * As {@link #submit(String, String, Map, String)}, for every way a run comes in (API, schedule).
     *
     * @throws NoLiveHostException when an API submission would be pinned to a host without a live instance
     *                             (nothing is stored); a schedule's run is pinned anyway and waits for its host
     */
    public RunOutcome submit(String runId, String owner, Map<String, Object> experiment, RunOrigin origin) {
        String title = String.valueOf(experiment.get("title"));
        String pinnedHost = routing.pin(origin.host(), experiment, origin.scheduleId() == null);
        ExperimentRun run = newRun(runId, owner, experiment, origin);
        run.pinTo(pinnedHost);
        return enqueue(run, title);
    }

    /**
     * Runs a finished run again as a new run (its own id, job and journal, {@code rerun_of} the original), for the
     * original's owner, with the original's stored document and its secrets, encrypted again for the new run.
     * Blocking (JDBC).
     *
     * @throws IllegalStateException when the original has not ended (it would run twice at once)
     */
    public RunOutcome rerun(StoredRun original) {
        return rerun(runs.findById(original.id()).orElseThrow(
                () -> new IllegalStateException("Run " + original.id() + " is no longer stored")));
    }

    private RunOutcome rerun(ExperimentRun original) {
        if (!original.status().terminal()) {
            throw new IllegalStateException("Run " + original.id() + " is " + original.status().wireName()
                    + "; only an ended run can run again");
        }
        String newId = newRunId();
        return enqueue(original.rerun(newId, storage.secretsForRerun(original, newId), clock.instant()), original.title());
    }

    private RunOutcome enqueue(ExperimentRun run, String title) {
        run.acceptedOn(instance.host());
        Job job = job(run.id(), title);
        boolean executableHere = routing.executableHere(run.pinnedHost());
        LocalJobStart.Worker worker = executableHere ? localStart.reserve(run.pinnedHost()).orElse(null) : null;
        if (worker != null) {
            // stored already claimed, its job processing here: no claim, fetch or job update on its way to start
            executions.claiming(run.id()); // before the claim is stored, so crash recovery never takes it for an orphan
            run.start(instance.name(), instance.host(), clock.instant());
            localStart.markProcessing(worker, job);
        }
        if (executableHere) {
            acceptedRuns.accepted(run); // before its job exists, so the job always finds it
        }
        RunBatchWriter.Handover handover;
        try {
            handover = writer.store(run, job, worker); // the writer gives the worker and the claim back if need be
        } catch (RuntimeException e) {
            acceptedRuns.take(run.id());
            throw e;
        }
        if (handover == RunBatchWriter.Handover.STRANDED) {
            acceptedRuns.take(run.id()); // stored claimed, but no worker took it: crash recovery ends it
        }
        events.publishEvent(new RunQueued(run.id()));
        // only a job stored enqueued is started by a fetch; one a held worker took, or a stranded one, never is
        if (handover == RunBatchWriter.Handover.ENQUEUED) {
            if (executableHere) {
                nudger.nudge(run.id()); // it retries until the run starts here: only for a run that can
            }
            routing.nudgeOthers(Collections.singleton(run.pinnedHost()));
        }
        return RunOutcome.of(run);
    }

    /**
     * Stores a run that cannot start (its experiment is no longer valid when a schedule fires it) as
     * {@code aborted} with the reason, so the firing is visible and notified like any other end. Blocking (JDBC).
     */
    public RunOutcome reject(String runId, String owner, Map<String, Object> experiment, RunOrigin origin, String reason) {
        ExperimentRun run = newRun(runId, owner, experiment, origin);
        run.acceptedOn(instance.host());
        run.finish(RunStatus.ABORTED, false, null, reason, clock.instant());
        ExperimentRun saved = runs.saveAndFlush(run);
        notifier.completed(RunOutcome.of(saved));
        return RunOutcome.of(saved);
    }

    private ExperimentRun newRun(String runId, String owner, Map<String, Object> experiment, RunOrigin origin) {
        String title = String.valueOf(experiment.get("title"));
        ExperimentRun run = new ExperimentRun(runId, owner, storedTitle(title), origin.dryMode(),
                storage.maskedDocument(experiment), storage.encryptedSecrets(experiment, runId), clock.instant());
        run.origin(origin.scheduleId(), origin.callbackUrl());
        return run;
    }

    /**
     * The run's JobRunr job, enqueued: {@code ExperimentJob.execute(runId)} with the run id as job id, zero retries,
     * the title as name. Built as JobRunr's builder builds {@code (ExperimentJob job) -> job.execute(runId)}, without
     * analysing the lambda's bytecode for every run ({@code RunSubmitterJobTest} compares the two).
     */
    static Job job(String runId, String title) {
        Job job = new Job(UUID.fromString(runId), new JobDetails(ExperimentJob.class.getName(), null, "execute",
                List.of(new JobParameter(String.class, runId))));
        job.setJobName(jobName(title));
        job.setAmountOfRetries(0);
        return job;
    }

    /** A longer title made the insert fail, which answered a valid experiment with 503. */
    static String storedTitle(String title) {
        if (title.codePointCount(0, title.length()) <= MAX_TITLE) {
            return title;
        }
        return title.substring(0, title.offsetByCodePoints(0, MAX_TITLE - 1)) + "…";
    }

    static String jobName(String title) {
        String oneLine = title.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= MAX_JOB_NAME ? oneLine : oneLine.substring(0, MAX_JOB_NAME - 1) + "…";
    }
}
