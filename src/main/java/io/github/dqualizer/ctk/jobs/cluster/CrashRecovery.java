package io.github.dqualizer.ctk.jobs.cluster;

import io.github.dqualizer.ctk.jobs.execution.RunExecutions;
import io.github.dqualizer.ctk.jobs.store.ExperimentRun;
import io.github.dqualizer.ctk.jobs.store.ExperimentRunRepository;
import io.github.dqualizer.ctk.jobs.store.RunStatus;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Looks for runs left {@code running} with nobody executing them: runs of an instance that died (kill -9, power
 * loss), and runs of this instance that it no longer executes (an unexpected error ended their execution without
 * storing their end). {@link RunRecoveries} ends them, each on a thread of its own. A run is registered as
 * executing before it is claimed, so "running here but not registered" is certain; the recovery's conditional
 * claim makes a run that ended meanwhile a no-op. The look is one indexed, auto-committed query while no run is
 * running anywhere (the usual idle case; issue 18): the entities are read, in a JPA transaction, only when there are
 * running runs to check. Scheduled as a plain task, not a {@code @Scheduled} method: those build an observation
 * context and call through reflection at every tick, most of the scheduler's idle CPU (docs/benchmarks.md, issue 18).
 */
@Component
class CrashRecovery implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(CrashRecovery.class);
    private static final String ANY_RUNNING = "SELECT 1 FROM experiment_runs WHERE status = 'RUNNING' LIMIT 1";

    private final ExperimentRunRepository runs;
    private final JdbcTemplate jdbc;
    private final LiveInstances liveInstances;
    private final InstanceIdentity instance;
    private final RunExecutions executions;
    private final RunRecoveries recoveries;
    private final Duration interval;
    private final Duration initialDelay;
    private volatile boolean ready;

    CrashRecovery(ExperimentRunRepository runs, JdbcTemplate jdbc, LiveInstances liveInstances, InstanceIdentity instance,
                  RunExecutions executions, RunRecoveries recoveries,
                  @Value("${ctk.jobs.recovery-interval:10s}") Duration interval,
                  @Value("${ctk.jobs.recovery-initial-delay:2s}") Duration initialDelay) {
        this.runs = runs;
        this.jdbc = jdbc;
        this.liveInstances = liveInstances;
        this.instance = instance;
        this.executions = executions;
        this.recoveries = recoveries;
        this.interval = interval;
        this.initialDelay = initialDelay;
    }

    @EventListener(ApplicationReadyEvent.class)
    void applicationReady() {
        ready = true;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(new FixedDelayTask(this::recoverOrphanedRuns, interval, initialDelay));
    }

    void recoverOrphanedRuns() {
        if (!ready || !instance.hasJobServer()) {
            return; // a recoverer without a heartbeat would look dead to the others, which would recover the run again
        }
        try {
            if (jdbc.queryForList(ANY_RUNNING, Integer.class).isEmpty()) {
                return;
            }
            for (ExperimentRun run : runs.findByStatus(RunStatus.RUNNING)) {
                if (instance.name().equals(run.node())) {
                    if (!executions.isHere(run.id())) {
                        recoveries.recover(run, "It was left running on this instance (" + run.node()
                                + ") after an unexpected error ended its execution");
                    }
                } else if (run.pinnedHost() != null && !run.pinnedHost().equals(instance.host())) {
                    continue; // pinned: its rollbacks act on that host's processes, so an instance there recovers it
                } else if (!liveInstances.isAlive(run.node())) {
                    recoveries.recover(run, "The instance running it (" + run.node() + ") stopped unexpectedly");
                }
            }
        } catch (DataAccessException e) {
            log.debug("Cannot look for orphaned runs now: {}", e.toString());
        }
    }
}
