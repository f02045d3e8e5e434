package io.github.dqualizer.ctk.jobs.completion;

import io.github.dqualizer.ctk.jobs.store.ExperimentRunRepository;
import io.github.dqualizer.ctk.jobs.store.RunOutcome;
import java.time.Duration;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Waits, without blocking a thread, until a run ends or a timeout passes; answers the last known state. A run that
 * executes here wakes its waiters in-process ({@link RunCompletionNotifier}); a run queued or executing elsewhere is
 * noticed by {@link EndedElsewherePoll}, one query for all such waiters.
 */
@Component
public class RunWaiter {

    private final RunCompletionNotifier notifier;
    private final EndedElsewherePoll elsewhere;
    private final ExperimentRunRepository runs;

    RunWaiter(RunCompletionNotifier notifier, EndedElsewherePoll elsewhere, ExperimentRunRepository runs) {
        this.notifier = notifier;
        this.elsewhere = elsewhere;
        this.runs = runs;
    }

    /**
     * Registers for the run's end at once (call it before the run is submitted) and returns the
     * waiting Mono; call {@link #forget} if the submission fails.
     */
    public Mono<RunOutcome> awaitEnd(String runId, Duration timeout) {
        Mono<RunOutcome> end = notifier.completion(runId);
        elsewhere.waiting();
        return end.timeout(timeout, Mono.defer(() -> current(runId)));
    }

    public void forget(String runId) {
        notifier.forget(runId);
    }

    private Mono<RunOutcome> current(String runId) {
        return Mono.fromCallable(() -> runs.findById(runId).map(RunOutcome::of).orElse(null))
                .subscribeOn(Schedulers.boundedElastic());
    }
}
