package io.github.dqualizer.ctk.events;

import io.github.dqualizer.ctk.jobs.store.RunQueries;
import io.github.dqualizer.ctk.jobs.store.RunStatus;
import io.github.dqualizer.ctk.jobs.store.StoredRun;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A run's events for one subscriber, ending with {@code run-finished}: the live history of a run watched here,
 * else (ended elsewhere or before this instance started) the journal replay, else (running elsewhere) status
 * events polled from the database and the journal replay once it ends. No thread is held per subscriber.
 */
@Component
public class RunEventStream {

    /** After the database shows the end, how long the live history may take to end before the database is believed. */
    private static final Duration END_GRACE = Duration.ofSeconds(3);

    private final RunTimelines timelines;
    private final JournalEvents journal;
    private final RunQueries queries;
    private final EventsProperties properties;

    RunEventStream(RunTimelines timelines, JournalEvents journal, RunQueries queries, EventsProperties properties) {
        this.timelines = timelines;
        this.journal = journal;
        this.queries = queries;
        this.properties = properties;
    }

    /** {@code run} is the run as just read for the (authorised) subscriber. */
    public Flux<RunEvent> events(StoredRun run) {
        String id = run.id();
        if (run.status().terminal()) {
            return timelines.find(id).filter(RunTimeline::complete).map(RunTimeline::events)
                    .orElseGet(() -> Flux.defer(() -> Flux.fromIterable(journal.of(run))));
        }
        return timelines.find(id).map(timeline -> live(timeline, id)).orElseGet(() -> elsewhere(run));
    }

    /** The live history; should it never end (its result stored elsewhere, history dropped), the database ends it. */
    private Flux<RunEvent> live(RunTimeline timeline, String id) {
        AtomicBoolean finished = new AtomicBoolean();
        AtomicLong lastId = new AtomicLong();
        Mono<StoredRun> endedInDatabase = ended(id, properties.pollInterval().multipliedBy(5))
                .delayUntil(run -> Mono.delay(END_GRACE)).cache();
        return timeline.events()
                .doOnNext(event -> {
                    lastId.set(event.id());
                    if (RunEvent.RUN_FINISHED.equals(event.name())) {
                        finished.set(true);
                    }
                })
                .takeUntilOther(endedInDatabase)
                .concatWith(Flux.defer(() -> finished.get() ? Flux.empty() : endedInDatabase.map(run ->
                        new RunEvent(lastId.get() + 1, RunEvent.RUN_FINISHED, EventData.runFinished(run.status(), run.deviated())))));
    }

    /** A run this instance does not execute: its status from the database, its activities from the journal at the end. */
    private Flux<RunEvent> elsewhere(StoredRun submitted) {
        AtomicBoolean started = new AtomicBoolean();
        Flux<RunEvent> progress = Flux.interval(Duration.ZERO, properties.pollInterval())
                .onBackpressureDrop() // a tick while the last look is still under way is skipped
                .concatMap(tick -> load(submitted.id()))
                .takeUntil(run -> run.status().terminal())
                .concatMap(run -> {
                    if (!run.status().terminal()) {
                        return run.status() == RunStatus.RUNNING && started.compareAndSet(false, true)
                                ? Flux.just(new RunEvent(0, RunEvent.RUN_STARTED, EventData.run(run.id()))) : Flux.empty();
                    }
                    return Flux.defer(() -> Flux.fromIterable(journal.of(run)))
                            .filter(event -> !RunEvent.RUN_QUEUED.equals(event.name())
                                    && !(started.get() && RunEvent.RUN_STARTED.equals(event.name())));
                });
        return Flux.just(new RunEvent(0, RunEvent.RUN_QUEUED, EventData.run(submitted.id())))
                .concatWith(progress)
                .index((i, event) -> new RunEvent(i + 1, event.name(), event.data()));
    }

    private Mono<StoredRun> ended(String id, Duration every) {
        return Flux.interval(every, every).onBackpressureDrop().concatMap(tick -> load(id)).filter(run -> run.status().terminal()).next();
    }

    private Mono<StoredRun> load(String id) {
        return Mono.fromCallable(() -> queries.any(id).orElse(null)).subscribeOn(Schedulers.boundedElastic());
    }
}
