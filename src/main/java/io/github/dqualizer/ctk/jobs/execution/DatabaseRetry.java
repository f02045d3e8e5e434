package io.github.dqualizer.ctk.jobs.execution;

import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;

/**
 * Repeats a database operation of a run while the database is unreachable, for up to
 * {@code ctk.jobs.store-retry-timeout}, so an outage delays a run's bookkeeping instead of losing it.
 */
@Component
public class DatabaseRetry {

    private static final Logger log = LoggerFactory.getLogger(DatabaseRetry.class);

    private final JobsProperties properties;

    DatabaseRetry(JobsProperties properties) {
        this.properties = properties;
    }

    /**
     * Runs {@code operation} until it succeeds; an optimistic-lock conflict is no outage and goes to the
     * caller at once, as does the last failure once the timeout has passed. A cancellation (interrupt) does
     * not cut the waiting short: the flag is kept for the caller.
     */
    public <T> T untilReachable(String runId, String what, Supplier<T> operation) {
        long deadline = System.nanoTime() + properties.storeRetryTimeout().toNanos();
        boolean interrupted = Thread.interrupted();
        try {
            while (true) {
                try {
                    return operation.get();
                } catch (OptimisticLockingFailureException conflict) {
                    throw conflict;
                } catch (DataAccessException | TransactionException unreachable) {
                    if (System.nanoTime() > deadline) {
                        throw unreachable;
                    }
                    log.warn("Cannot {} run {} yet (database unreachable); retrying", what, runId);
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException again) {
                        interrupted = true;
                    }
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
