package io.github.dqualizer.ctk.jobs.cluster;

import io.github.dqualizer.ctk.engine.DryMode;
import io.github.dqualizer.ctk.engine.ExperimentRunner;
import io.github.dqualizer.ctk.engine.RunOptions;
import io.github.dqualizer.ctk.jobs.execution.RunExecutions;
import io.github.dqualizer.ctk.jobs.execution.RunResultStore;
import io.github.dqualizer.ctk.jobs.store.ExperimentRun;
import io.github.dqualizer.ctk.jobs.store.ExperimentRunRepository;
import io.github.dqualizer.ctk.jobs.store.RunStatus;
import io.github.dqualizer.ctk.jobs.store.StoredExperiment;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Finishes runs that an instance left {@code running} when it died (kill -9, power loss): such a
 * run is never re-run from the start; it is marked {@code interrupted} with the reason, and its
 * rollbacks are played here so the target does not stay degraded.
 */
@Component
class CrashRecovery {

    private static final Logger log = LoggerFactory.getLogger(CrashRecovery.class);

    private final ExperimentRunRepository runs;
    private final LiveInstances liveInstances;
    private final InstanceIdentity instance;
    private final StoredExperiment storage;
    private final ExperimentRunner runner;
    private final RunResultStore results;
    private final RunExecutions executions;
    private volatile boolean ready;

    CrashRecovery(ExperimentRunRepository runs, LiveInstances liveInstances, InstanceIdentity instance,
                  StoredExperiment storage, ExperimentRunner runner, RunResultStore results, RunExecutions executions) {
        this.runs = runs;
        this.liveInstances = liveInstances;
        this.instance = instance;
        this.storage = storage;
        this.runner = runner;
        this.results = results;
        this.executions = executions;
    }

    @EventListener(ApplicationReadyEvent.class)
    void applicationReady() {
        ready = true;
    }

    @Scheduled(fixedDelayString = "${ctk.jobs.recovery-interval:10s}", initialDelayString = "${ctk.jobs.recovery-initial-delay:2s}")
    void recoverRunsOfDeadInstances() {
        if (!ready) {
            return;
        }
        try {
            for (ExperimentRun run : runs.findByStatus(RunStatus.RUNNING)) {
                if (!instance.name().equals(run.node()) && !liveInstances.isAlive(run.node())) {
                    recover(run);
                }
            }
        } catch (DataAccessException e) {
            log.debug("Cannot look for orphaned runs now: {}", e.toString());
        }
    }

    private void recover(ExperimentRun run) {
        String deadNode = run.node();
        run.takeOver(instance.name(), "recovering after instance " + deadNode + " stopped");
        ExperimentRun claimed;
        try {
            claimed = runs.saveAndFlush(run);
        } catch (OptimisticLockingFailureException e) {
            return; // another instance is recovering it
        }
        log.warn("Run {} was left running by instance {}, which stopped; marking it interrupted and playing its rollbacks",
                run.id(), deadNode);
        executions.started(run.id());
        try {
            Map<String, Object> journal = runner.run(storage.forExecution(claimed),
                    new RunOptions(run.id(), DryMode.parse(claimed.dryMode()), true));
            results.store(claimed, journal, "The instance running it (" + deadNode + ") stopped unexpectedly; "
                    + "it was not re-run, and its rollbacks were played by " + instance.name() + ".");
        } finally {
            executions.ended(run.id());
            Thread.interrupted();
        }
    }
}
