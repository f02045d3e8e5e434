package io.github.dqualizer.ctk.jobs.cluster;

import io.github.dqualizer.ctk.jobs.execution.RunExecutions;
import io.github.dqualizer.ctk.jobs.store.ExperimentRunRepository;
import io.github.dqualizer.ctk.jobs.store.RunStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Interrupts runs executing here whose cancellation was asked on another instance. It polls only while runs execute
 * here: the first run to start schedules the poll, the first poll that finds none left cancels it, so an idle
 * instance has no wake-up for it (issue 18; as an always-on {@code @Scheduled} task it woke twice a second, each
 * with a scheduled-task observation, to find nothing).
 */
@Component
class CancellationWatcher {

    private static final Logger log = LoggerFactory.getLogger(CancellationWatcher.class);

    private final ExperimentRunRepository runs;
    private final RunExecutions executions;
    private final InstanceIdentity instance;
    private final TaskScheduler scheduler;
    private final Duration interval;
    /** The poll while runs execute here, else null; guarded by this. */
    private ScheduledFuture<?> poll;

    CancellationWatcher(ExperimentRunRepository runs, RunExecutions executions, InstanceIdentity instance,
                        TaskScheduler scheduler, @Value("${ctk.jobs.cancellation-poll:500ms}") Duration interval) {
        this.runs = runs;
        this.executions = executions;
        this.instance = instance;
        this.scheduler = scheduler;
        this.interval = interval;
        executions.onRunStarted(this::runStarted);
    }

    /** After the run is counted, so a poll that saw none left either ran before (and cancelled itself) or sees it. */
    private synchronized void runStarted() {
        if (poll == null) {
            try {
                poll = scheduler.scheduleWithFixedDelay(this::interruptCancelledRuns, Instant.now().plus(interval), interval);
            } catch (RuntimeException shuttingDown) { // the scheduler is stopped: the shutdown cancels the runs here anyway
                log.debug("Cannot watch for cancellations from other instances: {}", shuttingDown.toString());
            }
        }
    }

    void interruptCancelledRuns() {
        if (executions.count() == 0) {
            synchronized (this) {
                if (executions.count() == 0 && poll != null) {
                    poll.cancel(false);
                    poll = null;
                }
            }
            return;
        }
        try {
            runs.findByNodeAndStatusAndCancelRequestedTrue(instance.name(), RunStatus.RUNNING)
                    .forEach(run -> executions.cancel(run.id())); // a run is cancelled once, so its rollbacks are never cut
        } catch (DataAccessException e) {
            log.debug("Cannot look for cancellations now: {}", e.toString());
        }
    }
}
