package io.github.dqualizer.ctk.jobs.execution;

import io.github.dqualizer.ctk.jobs.completion.RunCompletionNotifier;
import io.github.dqualizer.ctk.jobs.fleet.HostJobTables;
import io.github.dqualizer.ctk.jobs.store.ExperimentRun;
import io.github.dqualizer.ctk.jobs.store.ExperimentRunRepository;
import io.github.dqualizer.ctk.jobs.store.RunOutcome;
import io.github.dqualizer.ctk.jobs.store.RunStatus;
import io.github.dqualizer.ctk.jobs.store.StoredRun;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * Stops runs: a queued run is marked interrupted and its job deleted, so it never starts; a running
 * run is interrupted at once when it executes here, or flagged for the instance that executes it.
 * Either way the engine plays the rollbacks unless the rollback strategy is {@code never}.
 */
@Component
public class RunCanceller {

    private static final Logger log = LoggerFactory.getLogger(RunCanceller.class);

    private final ExperimentRunRepository runs;
    private final RunExecutions executions;
    private final HostJobTables tables;
    private final RunCompletionNotifier notifier;
    private final Clock clock;

    RunCanceller(ExperimentRunRepository runs, RunExecutions executions, HostJobTables tables,
                 RunCompletionNotifier notifier, Clock clock) {
        this.runs = runs;
        this.executions = executions;
        this.tables = tables;
        this.notifier = notifier;
        this.clock = clock;
    }

    /** Blocking (JDBC). Returns the run as it is after the request. */
    public StoredRun cancel(StoredRun run, String by) {
        return runs.findById(run.id()).map(stored -> StoredRun.of(cancel(stored, by))).orElse(run);
    }

    private ExperimentRun cancel(ExperimentRun run, String by) {
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                return cancelOnce(runs.findById(run.id()).orElse(run), by);
            } catch (OptimisticLockingFailureException changedMeanwhile) {
                // it started or ended between reading and writing: look again
            }
        }
        return runs.findById(run.id()).orElse(run);
    }

    /** Emergency stop: every queued and running run. Blocking (JDBC). */
    public int stopAll(String by) {
        List<ExperimentRun> active = runs.findByStatusIn(List.of(RunStatus.QUEUED, RunStatus.RUNNING));
        active.forEach(run -> cancel(run, by));
        log.warn("Emergency stop by {}: {} run(s) stopped", by, active.size());
        return active.size();
    }

    private ExperimentRun cancelOnce(ExperimentRun run, String by) {
        switch (run.status()) {
            case QUEUED -> {
                run.finish(RunStatus.INTERRUPTED, false, null, "Cancelled by " + by + " before it started.", clock.instant());
                ExperimentRun saved = runs.saveAndFlush(run);
                tables.scheduler(run.pinnedHost()).delete(UUID.fromString(run.id()), "Cancelled by " + by);
                notifier.completed(RunOutcome.of(saved));
                log.info("Run {} cancelled by {} before it started", run.id(), by);
                return saved;
            }
            case RUNNING -> {
                if (!executions.cancel(run.id())) {
                    run.requestCancellation();
                    run = runs.saveAndFlush(run);
                }
                log.info("Run {} cancelled by {} while running", run.id(), by);
                return run;
            }
            default -> {
                return run;
            }
        }
    }
}
