package io.github.dqualizer.ctk.providers.host;

import io.github.dqualizer.ctk.osprocess.ProcessLiveness;
import io.github.dqualizer.ctk.providers.ActivityFailedException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.stereotype.Component;

/**
 * Ends processes forcibly, or gracefully with a deadline after which they are ended forcibly, and waits until
 * they no longer run. A process that became a zombie (its parent has not reaped it) no longer runs.
 */
@Component
class ProcessTerminator {

    private final HostProperties properties;

    public ProcessTerminator(HostProperties properties) {
        this.properties = properties;
    }

    /** Ends all {@code targets}; graceful = termination request first, forcible kill after {@code gracePeriod}. */
    public void terminate(List<ProcessHandle> targets, boolean graceful, Duration gracePeriod) throws InterruptedException {
        if (graceful) {
            targets.forEach(ProcessHandle::destroy);
            awaitEnd(targets, gracePeriod);
        }
        List<ProcessHandle> remaining = running(targets);
        for (ProcessHandle target : remaining) {
            if (!target.destroyForcibly() && ProcessLiveness.running(target)) {
                throw new ActivityFailedException("Could not kill PID " + target.pid() + " (not permitted?)");
            }
        }
        awaitEnd(remaining, properties.exitTimeout());
        List<Long> survivors = running(remaining).stream().map(ProcessHandle::pid).toList();
        if (!survivors.isEmpty()) {
            throw new ActivityFailedException("PIDs " + survivors + " still exist " + properties.exitTimeout().toMillis() + " ms after being killed");
        }
    }

    private static List<ProcessHandle> running(List<ProcessHandle> targets) {
        return targets.stream().filter(ProcessLiveness::running).toList();
    }

    /**
     * Waits until none of {@code targets} runs or {@code timeout} passes. The exit futures complete only once a
     * process is reaped, so the zombie check is repeated every poll interval. Children of this JVM are reaped by
     * the JDK at once: for them the wait goes on until that is done, as callers of {@link Process#isAlive()} expect.
     */
    private void awaitEnd(List<ProcessHandle> targets, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<ProcessHandle> ownChildren = targets.stream()
                .filter(target -> target.parent().map(ProcessHandle.current()::equals).orElse(false)).toList();
        List<ProcessHandle> remaining = running(targets);
        while (!remaining.isEmpty()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            awaitExits(remaining, Math.min(left, properties.pollInterval().toNanos()));
            remaining = running(remaining);
        }
        awaitExits(ownChildren, deadline - System.nanoTime());
    }

    private static void awaitExits(List<ProcessHandle> targets, long nanos) throws InterruptedException {
        if (targets.isEmpty() || nanos <= 0) {
            return;
        }
        CompletableFuture<?>[] exits = targets.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(exits).get(nanos, TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // the caller checks what still runs
        }
    }
}
