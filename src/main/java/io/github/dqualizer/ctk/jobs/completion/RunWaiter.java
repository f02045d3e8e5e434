package io.github.dqualizer.ctk.jobs.completion;

import io.github.dqualizer.ctk.jobs.store.ExperimentRunRepository;
import io.github.dqualizer.ctk.jobs.store.RunOutcome;
import java.time.Duration;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Waits, without blocking a thread, until a run ends or a timeout passes; answers the last known state. */
@Component
public class RunWaiter {

    private static final Duration POLL_INTERVAL = Duration.ofSeconds(1);

    private final RunCompletionNotifier notifier;
    private final ExperimentRunRepository runs;

    RunWaiter(RunCompletionNotifier notifier, ExperimentRunRepository runs) {
        this.notifier = notifier;
        this.runs = runs;
    }

    /**
     * Registers for the run's end at once (call it before the run is submitted) and returns the
     * waiting Mono; call {@link #forget} if the submission fails.
     */
    public Mono<RunOutcome> awaitEnd(String runId, Duration timeout) {
        // ticks that come while a slow query (database outage) still runs are dropped, and a failed
        // query only skips its tick: the waiting request neither errors nor gives up
        Mono<RunOutcome> polled = Flux.interval(POLL_INTERVAL, POLL_INTERVAL)
                .onBackpressureDrop()
                .concatMap(tick -> current(runId).onErrorResume(unreachable -> Mono.empty()))
                .filter(outcome -> outcome.status().terminal())
                .next();
        return Mono.firstWithValue(notifier.completion(runId), polled)
                .timeout(timeout, Mono.defer(() -> current(runId)));
    }

    public void forget(String runId) {
        notifier.forget(runId);
    }

    private Mono<RunOutcome> current(String runId) {
        return Mono.fromCallable(() -> runs.findById(runId).map(RunOutcome::of).orElse(null))
                .subscribeOn(Schedulers.boundedElastic());
    }
}
