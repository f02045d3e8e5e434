package io.github.dqualizer.ctk.providers.host;

import io.github.dqualizer.ctk.providers.ActivityFailedException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.stereotype.Component;

/** Ends processes forcibly, or gracefully with a deadline after which they are ended forcibly, and waits until they are gone. */
@Component
public class ProcessTerminator {

    private final HostProperties properties;

    public ProcessTerminator(HostProperties properties) {
        this.properties = properties;
    }

    /** Ends all {@code targets}; graceful = termination request first, forcible kill after {@code gracePeriod}. */
    public void terminate(List<ProcessHandle> targets, boolean graceful, Duration gracePeriod) throws InterruptedException {
        if (graceful) {
            targets.forEach(ProcessHandle::destroy);
            awaitExit(targets, gracePeriod);
        }
        List<ProcessHandle> remaining = targets.stream().filter(ProcessHandle::isAlive).toList();
        for (ProcessHandle target : remaining) {
            if (!target.destroyForcibly() && target.isAlive()) {
                throw new ActivityFailedException("Could not kill PID " + target.pid() + " (not permitted?)");
            }
        }
        awaitExit(remaining, properties.exitTimeout());
        List<Long> survivors = remaining.stream().filter(ProcessHandle::isAlive).map(ProcessHandle::pid).toList();
        if (!survivors.isEmpty()) {
            throw new ActivityFailedException("PIDs " + survivors + " still exist " + properties.exitTimeout().toMillis() + " ms after being killed");
        }
    }

    private static void awaitExit(List<ProcessHandle> targets, Duration timeout) throws InterruptedException {
        if (targets.isEmpty()) {
            return;
        }
        CompletableFuture<?>[] exits = targets.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(exits).get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // the callers check isAlive() themselves
        }
    }
}
