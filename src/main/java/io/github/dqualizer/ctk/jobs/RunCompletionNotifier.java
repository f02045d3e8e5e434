package io.github.dqualizer.ctk.jobs;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Wakes waiting requests the moment a run on this instance ends, without holding a thread per
 * waiter. Runs executed by another instance are noticed by {@link RunWaiter}'s polling instead.
 */
@Component
public class RunCompletionNotifier {

    private final ConcurrentMap<String, CompletableFuture<RunOutcome>> waiters = new ConcurrentHashMap<>();

    /** Registers interest before the run can finish, so no completion is missed. */
    Mono<RunOutcome> completion(String runId) {
        CompletableFuture<RunOutcome> future = waiters.computeIfAbsent(runId, id -> new CompletableFuture<>());
        return Mono.fromFuture(future, true).doFinally(signal -> waiters.remove(runId, future));
    }

    void forget(String runId) {
        waiters.remove(runId);
    }

    void completed(RunOutcome outcome) {
        CompletableFuture<RunOutcome> future = waiters.remove(outcome.runId());
        if (future != null) {
            future.complete(outcome);
        }
    }

    int waiting() {
        return waiters.size();
    }
}
