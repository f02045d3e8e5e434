package io.github.dqualizer.ctk.api;

import io.github.dqualizer.ctk.events.EventsProperties;
import io.github.dqualizer.ctk.events.RunEvent;
import io.github.dqualizer.ctk.events.RunEventStream;
import io.github.dqualizer.ctk.jobs.store.RunQueries;
import io.github.dqualizer.ctk.jobs.store.StoredRun;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code GET /experiments/{id}/events}: the run's events as {@code text/event-stream}, ending with the
 * {@code outcome} envelope. Another user's run is a 404; operators watch every run.
 */
@RestController
class RunEventsController {

    static final String OUTCOME = "outcome";

    private final Authenticator authenticator;
    private final VisibleRuns visibleRuns;
    private final RunQueries queries;
    private final RunEventStream events;
    private final EventsProperties properties;

    RunEventsController(Authenticator authenticator, VisibleRuns visibleRuns, RunQueries queries,
                        RunEventStream events, EventsProperties properties) {
        this.authenticator = authenticator;
        this.visibleRuns = visibleRuns;
        this.queries = queries;
        this.events = events;
        this.properties = properties;
    }

    @GetMapping(value = "/experiments/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Mono<ResponseEntity<Flux<ServerSentEvent<Object>>>> events(ServerHttpRequest request, @PathVariable String id) {
        return authenticator.caller(request)
                .flatMap(caller -> visibleRuns.find(caller, id))
                .map(run -> ResponseEntity.ok()
                        .contentType(MediaType.TEXT_EVENT_STREAM)
                        .cacheControl(CacheControl.noStore())
                        .header("X-Accel-Buffering", "no")
                        .body(stream(run)));
    }

    private Flux<ServerSentEvent<Object>> stream(StoredRun run) {
        AtomicLong lastId = new AtomicLong();
        Flux<ServerSentEvent<Object>> stream = events.events(run)
                .doOnNext(event -> lastId.set(event.id()))
                .map(RunEventsController::sse)
                .concatWith(Mono.defer(() -> outcome(run.id(), lastId.get() + 1)));
        return stream.publish(shared -> Flux.merge(shared, heartbeats().takeUntilOther(shared.then())));
    }

    /** SSE comments while nothing happens (a long pause), so proxies keep the stream open; clients ignore them. */
    private Flux<ServerSentEvent<Object>> heartbeats() {
        return Flux.interval(properties.heartbeat())
                .onBackpressureDrop()
                .map(tick -> ServerSentEvent.builder().comment("keep-alive").build());
    }

    /** Read after {@code run-finished}, so it is the stored final state, the same envelope wait mode answers. */
    private Mono<ServerSentEvent<Object>> outcome(String runId, long eventId) {
        return Mono.fromCallable(() -> queries.any(runId).orElse(null))
                .subscribeOn(Schedulers.boundedElastic())
                .map(run -> ServerSentEvent.builder()
                        .id(Long.toString(eventId))
                        .event(OUTCOME)
                        .data((Object) Outcomes.envelope(run.outcome()))
                        .build());
    }

    private static ServerSentEvent<Object> sse(RunEvent event) {
        return ServerSentEvent.builder()
                .id(Long.toString(event.id()))
                .event(event.name())
                .data((Object) event.data())
                .build();
    }
}
