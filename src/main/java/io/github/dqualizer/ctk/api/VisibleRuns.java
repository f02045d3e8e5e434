package io.github.dqualizer.ctk.api;

import io.github.dqualizer.ctk.jobs.store.RunQueries;
import io.github.dqualizer.ctk.jobs.store.StoredRun;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The run a caller may see — their own, any for an operator — or a 404 that does not tell which. */
@Component
class VisibleRuns {

    private final RunQueries queries;

    VisibleRuns(RunQueries queries) {
        this.queries = queries;
    }

    Mono<StoredRun> find(Caller caller, String id) {
        return Mono.fromCallable(() -> (caller.operator() ? queries.any(id)
                        : queries.ownedBy(id, caller.username())).orElse(null))
                .subscribeOn(Schedulers.boundedElastic())
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("No run " + id + " of yours exists.")));
    }
}
