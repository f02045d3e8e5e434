package io.github.dqualizer.ctk.engine.hypothesis;

import io.github.dqualizer.ctk.engine.ActivityPhase;
import io.github.dqualizer.ctk.engine.activity.RunInterruptedException;
import io.github.dqualizer.ctk.engine.journal.JournalState;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The continuous hypothesis loop (3.5), on its own thread while the method runs. */
public final class ContinuousHypothesis {

    private static final Logger LOG = LoggerFactory.getLogger(ContinuousHypothesis.class);

    private final HypothesisEvaluator evaluator;
    private final JournalState journal;
    private final double frequencySeconds;
    private final boolean failFast;
    private final CountDownLatch stop = new CountDownLatch(1);
    private ExecutorService thread;
    private Future<?> loop;

    public ContinuousHypothesis(HypothesisEvaluator evaluator, JournalState journal, double frequencySeconds,
            boolean failFast) {
        this.evaluator = evaluator;
        this.journal = journal;
        this.frequencySeconds = frequencySeconds;
        this.failFast = failFast;
    }

    public void start(String runId) {
        thread = Executors.newSingleThreadExecutor(r -> new Thread(r, "ctk-" + runId + "-continuous"));
        loop = thread.submit(this::runLoop);
    }

    /** Signals the loop to end after its current iteration. */
    public void stop() {
        stop.countDown();
    }

    /** Stops and interrupts the current iteration (cancellation). */
    public void cancel() {
        stop();
        if (loop != null) {
            loop.cancel(true);
        }
    }

    /** Waits for the loop to finish. */
    public void join() {
        if (thread == null) {
            return;
        }
        thread.shutdown();
        boolean interrupted = false;
        while (true) {
            try {
                if (thread.awaitTermination(1, TimeUnit.HOURS)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
                cancel();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void runLoop() {
        int iteration = 1;
        int failed = 0;
        try {
            while (stop.getCount() > 0) {
                if (journal.statusIn("failed", "interrupted", "aborted")) {
                    return;
                }
                Map<String, Object> state = evaluator.evaluate(ActivityPhase.HYPOTHESIS_DURING, s -> { });
                journal.during().add(state);
                if (!Boolean.TRUE.equals(state.get("steady_state_met"))) {
                    failed++;
                    if (failFast && failed * 100.0 / iteration >= 0) {
                        journal.status("failed");
                        return;
                    }
                }
                iteration++;
                if (stop.await((long) (frequencySeconds * 1000), TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        } catch (RunInterruptedException | InterruptedException e) {
            if (stop.getCount() > 0 || !journal.statusIn("interrupted")) {
                // cancelled by the run's own interruption: the main thread sets the status
                LOG.debug("continuous hypothesis interrupted");
            }
        } catch (RuntimeException e) {
            LOG.warn("continuous hypothesis crashed", e);
            journal.errors().add("continuous hypothesis: " + describe(e));
            journal.status("aborted");
        }
    }

    private static String describe(RuntimeException e) {
        return e instanceof io.github.dqualizer.ctk.pyvalues.PythonError p ? p.describe() : e.toString();
    }
}
