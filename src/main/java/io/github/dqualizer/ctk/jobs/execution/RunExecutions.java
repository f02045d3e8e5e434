package io.github.dqualizer.ctk.jobs.execution;

import io.github.dqualizer.ctk.engine.RunStop;
import io.github.dqualizer.ctk.jobs.completion.LocalExecutions;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.stereotype.Component;

/**
 * The runs executing on this instance and how to stop them ({@link RunStop}): a cancel interrupts a run's
 * experiment once, its rollbacks then run to the end; only a shutdown whose grace period ran out cuts them short.
 * A run is registered before it is claimed in the database ({@link #claiming}), so a run stored as running on this
 * instance and not registered here is certainly orphaned.
 */
@Component
public class RunExecutions implements LocalExecutions {

    private final Set<String> claiming = ConcurrentHashMap.newKeySet();
    private final ConcurrentMap<String, RunStop> running = new ConcurrentHashMap<>();
    private final List<Runnable> executingListeners = new CopyOnWriteArrayList<>();
    private volatile String shutdownReason;

    /** Before the conditional UPDATE that claims the run for this instance. */
    public void claiming(String runId) {
        claiming.add(runId);
    }

    /** The run executes on the calling thread from now on; a run starting during a shutdown is cancelled at once. */
    public RunStop started(String runId) {
        RunStop stop = RunStop.forCurrentThread();
        running.put(runId, stop);
        claiming.remove(runId); // after the put: the run is never unregistered in between
        executingListeners.forEach(Runnable::run);
        String shuttingDown = shutdownReason;
        if (shuttingDown != null) {
            stop.shutdownBegun(shuttingDown);
            stop.cancel();
        }
        return stop;
    }

    public void ended(String runId) {
        running.remove(runId);
        claiming.remove(runId);
    }

    /** True when the run executes here; it is then cancelled unless it was already. */
    public boolean cancel(String runId) {
        RunStop stop = running.get(runId);
        if (stop == null) {
            return false;
        }
        stop.cancel();
        return true;
    }

    /** Cancels every run executing here (those cancelled before are left alone); returns their ids. */
    public Set<String> cancelAll() {
        running.values().forEach(RunStop::cancel);
        return Set.copyOf(running.keySet());
    }

    /** The service is shutting down: every run here, and any that starts from now on, is cancelled. */
    public void shutdownBegun(String reason) {
        shutdownReason = reason;
        running.values().forEach(stop -> stop.shutdownBegun(reason));
        cancelAll();
    }

    /** The shutdown's grace period ran out: interrupts every run here, rollbacks included. */
    public void cutShortAll(String reason) {
        running.values().forEach(stop -> stop.cutShort(reason));
    }

    /** The context was started again after a stop. */
    public void resumed() {
        shutdownReason = null;
    }

    public boolean isExecuting(String runId) {
        return running.containsKey(runId);
    }

    /** Executing or being claimed here. */
    @Override
    public boolean isHere(String runId) {
        return running.containsKey(runId) || claiming.contains(runId);
    }

    /** Waits until no run executes here any more, at most {@code timeout}; true when none is left. */
    public boolean awaitNone(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!running.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return running.isEmpty();
    }

    /**
     * Called on the run's thread each time a run starts executing here, after it is counted: whoever polls only
     * while runs execute here ({@code CancellationWatcher}) starts polling, and stays idle otherwise.
     */
    public void onRunStarted(Runnable listener) {
        executingListeners.add(listener);
    }

    public int count() {
        return running.size();
    }
}
