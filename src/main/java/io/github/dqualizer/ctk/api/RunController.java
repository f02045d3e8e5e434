package io.github.dqualizer.ctk.api;

import io.github.dqualizer.ctk.jobs.fleet.FleetRouting;
import io.github.dqualizer.ctk.jobs.execution.RunCanceller;
import io.github.dqualizer.ctk.jobs.store.RunQueries;
import io.github.dqualizer.ctk.jobs.store.StoredRun;
import io.github.dqualizer.ctk.jobs.RunSubmitter;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The caller's runs: status, journal, history and cancellation. Another user's run is a 404;
 * operators see and stop every run.
 */
@RestController
class RunController {

    private final Authenticator authenticator;
    private final VisibleRuns visibleRuns;
    private final RunQueries queries;
    private final RunCanceller canceller;
    private final RunSubmitter submitter;
    private final ApiProperties properties;

    private final FleetRouting routing;

    RunController(Authenticator authenticator, VisibleRuns visibleRuns, RunQueries queries, RunCanceller canceller,
                  RunSubmitter submitter, ApiProperties properties, FleetRouting routing) {
        this.authenticator = authenticator;
        this.routing = routing;
        this.visibleRuns = visibleRuns;
        this.queries = queries;
        this.canceller = canceller;
        this.submitter = submitter;
        this.properties = properties;
    }

    @PostMapping("/experiments/{id}/cancel")
    Mono<ResponseEntity<RunView>> cancel(ServerHttpRequest request, @PathVariable String id) {
        return authenticator.caller(request)
                .flatMap(caller -> visibleRuns.find(caller, id)
                        .flatMap(run -> blocking(() -> canceller.cancel(run, caller.username()))))
                .map(run -> ResponseEntity.accepted().body(RunView.afterCancel(run)));
    }

    /** A new run of an ended run's experiment, for the same owner, linked by {@code rerun_of}; 409 while it has not ended. */
    @PostMapping("/experiments/{id}/rerun")
    Mono<ResponseEntity<RunView>> rerun(ServerHttpRequest request, @PathVariable String id) {
        return owned(request, id)
                .flatMap(run -> {
                    if (!run.status().terminal()) {
                        return Mono.error(new ApiException(HttpStatus.CONFLICT, "Run has not ended.", "Run " + id + " is "
                                + run.status().wireName() + "; it can run again once it has ended (cancel it to end it now)."));
                    }
                    return blocking(() -> submitter.rerun(run))
                            // it ended meanwhile badly, or its stored secrets no configured key decrypts for it
                            .onErrorMap(IllegalStateException.class, e -> new ApiException(HttpStatus.CONFLICT,
                                    "Run cannot run again.", e.getMessage()))
                            .flatMap(again -> blocking(() -> queries.any(again.runId()).orElseThrow()));
                })
                .map(again -> ResponseEntity.accepted().location(URI.create("/experiments/" + again.id()))
                        .body(RunView.of(again)));
    }

    @PostMapping("/experiments/stop-all")
    Mono<Map<String, Object>> stopAll(ServerHttpRequest request) {
        return authenticator.caller(request)
                .flatMap(caller -> caller.operator() ? blocking(() -> canceller.stopAll(caller.username()))
                        : Mono.error(new ApiException(HttpStatus.FORBIDDEN, "Forbidden.",
                                "Stopping every run needs the OPERATOR role.")))
                .map(count -> Map.of("status_code", 200, "status", "All runs were told to stop.", "info",
                        count + " run(s) stopped."));
    }

    /** JSON for clients; a browser is sent to the run page, which asks for the credentials itself. */
    @GetMapping("/experiments/{id}")
    Mono<ResponseEntity<RunView>> run(ServerHttpRequest request, @PathVariable String id) {
        if (RunPageController.wantsPage(request, id)) {
            return Mono.just(ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create("/ui/experiments/" + id)).build());
        }
        return owned(request, id).flatMap(run -> blocking(() -> ResponseEntity.ok(
                RunView.of(run).waitingFor(routing.waitingFor(run).orElse(null)))));
    }

    @GetMapping(value = "/experiments/{id}/journal", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<String> journal(ServerHttpRequest request, @PathVariable String id) {
        return owned(request, id).map(run -> {
            if (run.journalJson() == null) {
                throw new ApiException(HttpStatus.NOT_FOUND, "No journal yet.",
                        "Run " + id + " is " + run.status().wireName() + "; its journal exists once it has ended.");
            }
            return run.journalJson();
        });
    }

    @GetMapping("/experiments")
    Mono<Map<String, Object>> list(ServerHttpRequest request,
                                   @RequestParam(defaultValue = "0") int page,
                                   @RequestParam(defaultValue = "20") int size) {
        if (page < 0 || size < 1 || size > properties.pageSizeLimit()) {
            return Mono.error(new ApiException(HttpStatus.BAD_REQUEST, "Invalid request.",
                    "page must be >= 0 and size between 1 and " + properties.pageSizeLimit() + "."));
        }
        return authenticator.caller(request)
                .flatMap(caller -> blocking(() -> caller.operator() ? queries.listAll(page, size)
                        : queries.listOwnedBy(caller.username(), page, size)))
                .map(result -> {
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("items", result.items().stream().map(RunView::of).toList());
                    body.put("page", page);
                    body.put("size", size);
                    body.put("total", result.total());
                    return body;
                });
    }

    private Mono<StoredRun> owned(ServerHttpRequest request, String id) {
        return authenticator.caller(request).flatMap(caller -> visibleRuns.find(caller, id));
    }

    private static <T> Mono<T> blocking(Callable<T> query) {
        return Mono.fromCallable(query).subscribeOn(Schedulers.boundedElastic());
    }
}
