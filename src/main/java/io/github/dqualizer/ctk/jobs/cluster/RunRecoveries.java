package io.github.dqualizer.ctk.jobs.cluster;

import io.github.dqualizer.ctk.jobs.execution.RunExecutions;
import io.github.dqualizer.ctk.jobs.execution.RunResultStore;
import io.github.dqualizer.ctk.jobs.store.ExperimentRun;
import io.github.dqualizer.ctk.jobs.store.ExperimentRunRepository;
import io.github.dqualizer.ctk.jobs.store.StoredExperiment;
import io.github.dqualizer.ctk.engine.DryMode;
import io.github.dqualizer.ctk.engine.ExperimentRunner;
import io.github.dqualizer.ctk.engine.RunOptions;
import io.github.dqualizer.ctk.engine.RunStop;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Ends a run that was left {@code running} with nobody executing it — its instance died, or it was left behind on a
 * live instance by an unexpected error: the run is never re-run, it is claimed with one conditional UPDATE (so of all
 * instances that noticed it exactly one goes on), its rollbacks are played here and it ends {@code interrupted} with
 * the reason. Each recovery runs on a thread of its own, never on Spring's single scheduler thread (where the
 * cancellation watcher and the job server watchdog run), and not as a JobRunr job either: JobRunr OSS has no
 * priorities, and rollbacks that undo a fault must not wait behind queued experiments that inject new ones.
 */
@Component
class RunRecoveries implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RunRecoveries.class);

    private final ExperimentRunRepository runs;
    private final InstanceIdentity instance;
    private final StoredExperiment storage;
    private final ExperimentRunner runner;
    private final RunResultStore results;
    private final RunExecutions executions;
    private final Set<String> inProgress = ConcurrentHashMap.newKeySet();
    /** Unbounded in threads, bounded in practice: at most one per run left running, i.e. per worker of dead instances. */
    private final ExecutorService threads;

    RunRecoveries(ExperimentRunRepository runs, InstanceIdentity instance, StoredExperiment storage,
                  ExperimentRunner runner, RunResultStore results, RunExecutions executions) {
        this.runs = runs;
        this.instance = instance;
        this.storage = storage;
        this.runner = runner;
        this.results = results;
        this.executions = executions;
        AtomicInteger number = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "run-recovery-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Recovers {@code run} (as read, at its version) unless a recovery of it is under way here already.
     * {@code cause} starts the reason stored with the run, e.g. "The instance running it (X) stopped unexpectedly".
     */
    void recover(ExperimentRun run, String cause) {
        if (!inProgress.add(run.id())) {
            return;
        }
        executions.claiming(run.id()); // before the claim, so this instance never sees it as its own orphan
        try {
            threads.execute(() -> {
                try {
                    claimAndRollBack(run, cause);
                } finally {
                    executions.ended(run.id());
                    inProgress.remove(run.id());
                }
            });
        } catch (RejectedExecutionException shuttingDown) {
            executions.ended(run.id());
            inProgress.remove(run.id());
        }
    }

    private void claimAndRollBack(ExperimentRun seen, String cause) {
        String reason = cause + "; it was not re-run, and its rollbacks were played by " + instance.name() + ".";
        if (runs.claimForRecovery(seen.id(), seen.version(), instance.name(), "recovering: " + cause) != 1) {
            return; // it ended, was cancelled or is being recovered elsewhere meanwhile; a later look decides again
        }
        ExperimentRun run = runs.findById(seen.id()).orElse(null);
        if (run == null) {
            return;
        }
        log.warn("Run {}: {}; marking it interrupted and playing its rollbacks", run.id(), cause);
        RunStop stop = executions.started(run.id());
        try {
            Map<String, Object> journal = runner.run(storage.forExecution(run),
                    new RunOptions(run.id(), DryMode.parse(run.dryMode()), true, stop));
            Thread.interrupted(); // a cut-short at shutdown was for the rollbacks, not for storing their journal
            results.store(run, journal, reason);
        } catch (RuntimeException e) {
            // never played again in a loop: the run ends without its rollbacks, and says so
            log.error("Run {}: its rollbacks could not be played", run.id(), e);
            Thread.interrupted();
            results.store(run, null, cause + "; it was not re-run, and its rollbacks could not be played ("
                    + e.getClass().getSimpleName() + ").");
        }
    }

    @Override
    public void destroy() {
        threads.shutdownNow();
    }
}
