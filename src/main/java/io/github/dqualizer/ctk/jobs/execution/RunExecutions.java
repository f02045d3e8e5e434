package io.github.dqualizer.ctk.jobs.execution;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.stereotype.Component;

/**
 * The runs executing on this instance and their threads. Interrupting a run's thread is how the
 * engine is told to stop: it ends the run as {@code interrupted} and plays its rollbacks.
 */
@Component
public class RunExecutions {

    private final ConcurrentMap<String, Thread> running = new ConcurrentHashMap<>();

    public void started(String runId) {
        running.put(runId, Thread.currentThread());
    }

    public void ended(String runId) {
        running.remove(runId);
    }

    /** True when the run executes here and was told to stop. */
    public boolean interrupt(String runId) {
        Thread thread = running.get(runId);
        if (thread == null) {
            return false;
        }
        thread.interrupt();
        return true;
    }

    public Set<String> interruptAll() {
        Set<String> ids = Set.copyOf(running.keySet());
        ids.forEach(this::interrupt);
        return ids;
    }

    /** Interrupts the runs not in {@code already}; returns their ids. */
    public Set<String> interruptAllExcept(Set<String> already) {
        Set<String> ids = new HashSet<>(running.keySet());
        ids.removeAll(already);
        ids.forEach(this::interrupt);
        return ids;
    }

    public boolean isRunningHere(String runId) {
        return running.containsKey(runId);
    }

    /** Waits until no run executes here any more, at most {@code timeout}; true when none is left. */
    public boolean awaitNone(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!running.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return running.isEmpty();
    }

    public int count() {
        return running.size();
    }
}
