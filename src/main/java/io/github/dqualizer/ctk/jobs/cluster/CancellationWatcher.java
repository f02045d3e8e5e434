package io.github.dqualizer.ctk.jobs.cluster;

import io.github.dqualizer.ctk.jobs.execution.RunExecutions;
import io.github.dqualizer.ctk.jobs.store.ExperimentRunRepository;
import io.github.dqualizer.ctk.jobs.store.RunStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Interrupts runs executing here whose cancellation was asked on another instance. */
@Component
class CancellationWatcher {

    private static final Logger log = LoggerFactory.getLogger(CancellationWatcher.class);

    private final ExperimentRunRepository runs;
    private final RunExecutions executions;
    private final InstanceIdentity instance;

    CancellationWatcher(ExperimentRunRepository runs, RunExecutions executions, InstanceIdentity instance) {
        this.runs = runs;
        this.executions = executions;
        this.instance = instance;
    }

    @Scheduled(fixedDelayString = "${ctk.jobs.cancellation-poll:500ms}")
    void interruptCancelledRuns() {
        if (executions.count() == 0) {
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
