package io.github.dqualizer.ctk.jobs.completion;

import io.github.dqualizer.ctk.jobs.store.RunOutcome;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Wakes waiting requests the moment a run on this instance ends, without holding a thread per
 * waiter, and publishes {@link RunEnded}. Runs executed by another instance are noticed by
 * {@link EndedElsewherePoll} instead.
 */
@Component
public class RunCompletionNotifier {

    private static final Logger log = LoggerFactory.getLogger(RunCompletionNotifier.class);

    private final ConcurrentMap<String, CompletableFuture<RunOutcome>> waiters = new ConcurrentHashMap<>();
    private final ApplicationEventPublisher events;

    RunCompletionNotifier(ApplicationEventPublisher events) {
        this.events = events;
    }

    /** Registers interest before the run can finish, so no completion is missed. */
    Mono<RunOutcome> completion(String runId) {
        CompletableFuture<RunOutcome> future = waiters.computeIfAbsent(runId, id -> new CompletableFuture<>());
        return Mono.fromFuture(future, true).doFinally(signal -> waiters.remove(runId, future));
    }

    void forget(String runId) {
        waiters.remove(runId);
    }

    public void completed(RunOutcome outcome) {
        try {
            // observers first, so a woken waiter already finds the end counted and streamed
            events.publishEvent(new RunEnded(outcome));
        } catch (RuntimeException e) {
            log.warn("An observer of the end of run {} failed", outcome.runId(), e); // never undoes a stored result
        }
        CompletableFuture<RunOutcome> future = waiters.remove(outcome.runId());
        if (future != null) {
            future.complete(outcome);
        }
    }

    /** A run that ended on another instance: wakes its waiters here; {@link RunEnded} is that instance's to publish. */
    void endedElsewhere(RunOutcome outcome) {
        CompletableFuture<RunOutcome> future = waiters.remove(outcome.runId());
        if (future != null) {
            future.complete(outcome);
        }
    }

    /** The runs someone waits for here. */
    Set<String> awaited() {
        return Set.copyOf(waiters.keySet());
    }

    boolean anyAwaited() {
        return !waiters.isEmpty();
    }

    int waiting() {
        return waiters.size();
    }
}
