package io.github.dqualizer.ctk.jobs.execution;

import io.github.dqualizer.ctk.jobs.completion.RunCompletionNotifier;
import io.github.dqualizer.ctk.jobs.store.ExperimentRun;
import io.github.dqualizer.ctk.jobs.store.ExperimentRunRepository;
import io.github.dqualizer.ctk.jobs.store.RunTransitions;
import io.github.dqualizer.ctk.jobs.store.RunOutcome;
import io.github.dqualizer.ctk.jobs.store.RunStatus;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores a finished run's journal and status. While the database is unreachable it keeps the
 * result in memory and retries, so a run that ended during an outage is stored once the database is back.
 */
@Component
public class RunResultStore {

    private static final Logger log = LoggerFactory.getLogger(RunResultStore.class);

    private final ExperimentRunRepository runs;
    private final RunTransitions transitions;
    private final RunCompletionNotifier notifier;
    private final JsonMapper json;
    private final DatabaseRetry retry;
    private final Clock clock;

    RunResultStore(ExperimentRunRepository runs, RunTransitions transitions, RunCompletionNotifier notifier, JsonMapper json,
                   DatabaseRetry retry, Clock clock) {
        this.runs = runs;
        this.transitions = transitions;
        this.notifier = notifier;
        this.json = json;
        this.retry = retry;
        this.clock = clock;
    }

    /** {@code journal} null means the run produced none; {@code reason} explains the status then. */
    public void store(ExperimentRun run, Map<String, Object> journal, String reason) {
        RunStatus status = journal == null ? RunStatus.ABORTED : RunStatus.fromJournal(journal.get("status"));
        Boolean deviated = journal != null && journal.get("deviated") instanceof Boolean b ? b : Boolean.FALSE;
        String journalJson = journal == null ? null : json.writeValueAsString(journal);
        run.finish(status, deviated, journalJson, reason, clock.instant());
        if (storeRetrying(run)) {
            log.info("Run {} ended: {} (deviated: {})", run.id(), status.wireName(), deviated);
            notifier.completed(RunOutcome.of(run));
        }
    }

    /** One auto-committed UPDATE of the running row (no load-then-merge), so a cancellation request never blocks the result. */
    private boolean storeRetrying(ExperimentRun run) {
        try {
            int stored = retry.untilReachable(run.id(), "store the result of", () -> transitions.markEnded(run.id(), run.node(),
                    run.status(), run.deviated(), run.journalJson(), run.statusReason(), run.endedAt()));
            if (stored == 1 || storedByLostAttempt(run)) {
                return true;
            }
            log.warn("Run {} is no longer running on {} (recovered by another instance?); its result here is dropped",
                    run.id(), run.node());
        } catch (DataAccessException | TransactionException e) {
            log.error("Run {} ended {} but could not be stored: the database stayed unreachable", run.id(),
                    run.status().wireName());
        }
        return false;
    }

    /** A retried UPDATE finds 0 rows when the first attempt committed but its answer was lost. */
    private boolean storedByLostAttempt(ExperimentRun run) {
        return runs.findById(run.id())
                .filter(current -> current.status().terminal() && run.node().equals(current.node()))
                .isPresent();
    }
}
