package io.github.dqualizer.ctk.engine.activity;

import io.github.dqualizer.ctk.engine.ActivityPhase;
import io.github.dqualizer.ctk.engine.journal.JournalState;
import io.github.dqualizer.ctk.pyvalues.PythonError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The pool running {@code background: true} activities of one phase; sized to their number like chaoslib. */
public final class BackgroundActivities {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundActivities.class);

    private final ExecutorService pool;
    private final List<Future<?>> futures = new ArrayList<>();
    private final JournalState journal;

    public BackgroundActivities(String name, int size, JournalState journal) {
        AtomicInteger count = new AtomicInteger();
        this.pool = size == 0 ? null : Executors.newFixedThreadPool(size,
                r -> new Thread(r, name + "-" + count.incrementAndGet()));
        this.journal = journal;
    }

    /**
     * Starts a background activity and returns once it has started (its record is in {@code sink}, or it pauses
     * before): the journal lists activities in the order they start, and a background activity listed before a
     * foreground one starts first, deterministically.
     */
    public void submit(ActivityExecutor executor, Map<?, ?> entry, ActivityPhase phase, List<Map<String, Object>> sink) {
        CountDownLatch started = new CountDownLatch(1);
        futures.add(pool.submit(() -> {
            try {
                executor.execute(entry, phase, sink, started::countDown);
            } catch (RunInterruptedException e) {
                LOG.debug("background activity interrupted");
            } catch (PythonError e) {
                // chaoslib's pool swallows it: the record stays without status
                journal.errors().add("background activity '" + entry.get("name") + "': " + e.describe());
            } finally {
                started.countDown();
            }
        }));
        try {
            started.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the caller sees the cancellation at its next activity
        }
    }

    /** Interrupts the running background activities (cancellation). */
    public void interrupt() {
        futures.forEach(f -> f.cancel(true));
    }

    /** Waits for all of them; an interruption while waiting interrupts them and is passed on. */
    public void await() {
        if (pool == null) {
            return;
        }
        pool.shutdown();
        boolean interrupted = false;
        while (true) {
            try {
                if (pool.awaitTermination(1, TimeUnit.HOURS)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
                interrupt();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
