package io.github.dqualizer.ctk.api;

import io.github.dqualizer.ctk.experiment.ExperimentValidator;
import io.github.dqualizer.ctk.experiment.ValidationProblem;
import io.github.dqualizer.ctk.notifications.CallbackRejectedException;
import io.github.dqualizer.ctk.notifications.CallbackTargets;
import io.github.dqualizer.ctk.schedules.ScheduleException;
import io.github.dqualizer.ctk.jobs.fleet.FleetRouting;
import io.github.dqualizer.ctk.schedules.ScheduleRequest;
import io.github.dqualizer.ctk.schedules.ScheduleView;
import io.github.dqualizer.ctk.schedules.Schedules;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code /schedules}: recurring experiments of the caller (operators: of everyone). The body of
 * {@code POST /schedules} is read and size-limited like an experiment; its experiment is validated like one.
 */
@RestController
class ScheduleController {

    private final Authenticator authenticator;
    private final BodyReader bodyReader;
    private final ExperimentValidator validator;
    private final CallbackTargets callbacks;
    private final Schedules schedules;

    private final FleetRouting routing;

    ScheduleController(Authenticator authenticator, BodyReader bodyReader, ExperimentValidator validator,
                       CallbackTargets callbacks, Schedules schedules, FleetRouting routing) {
        this.routing = routing;
        this.authenticator = authenticator;
        this.bodyReader = bodyReader;
        this.validator = validator;
        this.callbacks = callbacks;
        this.schedules = schedules;
    }

    @PostMapping("/schedules")
    Mono<ResponseEntity<ScheduleView>> create(ServerHttpRequest request) {
        return authenticator.authenticate(request)
                .flatMap(owner -> {
                    BodyReader.requireSupported(request);
                    return bodyReader.read(request).flatMap(body -> blocking(() -> schedules.create(owner, parse(body))));
                })
                .map(view -> ResponseEntity.created(URI.create("/schedules/" + view.scheduleId())).body(view));
    }

    @GetMapping("/schedules")
    Mono<Map<String, Object>> list(ServerHttpRequest request) {
        return authenticator.caller(request)
                .flatMap(caller -> blocking(() -> schedules.list(caller.username(), caller.operator())))
                .map(items -> Map.of("items", items));
    }

    @GetMapping("/schedules/{id}")
    Mono<ScheduleView> get(ServerHttpRequest request, @PathVariable String id) {
        return authenticator.caller(request)
                .flatMap(caller -> blocking(() -> schedules.get(caller.username(), caller.operator(), id)));
    }

    @DeleteMapping("/schedules/{id}")
    Mono<ResponseEntity<Void>> delete(ServerHttpRequest request, @PathVariable String id) {
        return authenticator.caller(request)
                .flatMap(caller -> blocking(() -> {
                    schedules.delete(caller.username(), caller.operator(), id);
                    return id;
                }))
                .map(deleted -> ResponseEntity.noContent().<Void>build());
    }

    @PostMapping("/schedules/{id}/pause")
    Mono<ScheduleView> pause(ServerHttpRequest request, @PathVariable String id) {
        return authenticator.caller(request)
                .flatMap(caller -> blocking(() -> schedules.pause(caller.username(), caller.operator(), id)));
    }

    @PostMapping("/schedules/{id}/resume")
    Mono<ScheduleView> resume(ServerHttpRequest request, @PathVariable String id) {
        return authenticator.caller(request)
                .flatMap(caller -> blocking(() -> schedules.resume(caller.username(), caller.operator(), id)));
    }

    /** Validates on the calling (bounded-elastic) thread: it may resolve executables and read the environment. */
    private ScheduleRequest parse(Map<String, Object> body) {
        if (!(body.get("experiment") instanceof Map<?, ?> document)) {
            throw invalid("experiment must be a CTK experiment object.");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> experiment = (Map<String, Object>) document;
        List<ValidationProblem> problems = validator.validate(experiment);
        if (!problems.isEmpty()) {
            throw ApiException.invalidExperiment(problems.stream()
                    .map(p -> "experiment." + (p.location() == null || p.location().isEmpty() ? "" : p.location() + ": ")
                            + p.message())
                    .toList());
        }
        return new ScheduleRequest(text(body, "name"), experiment, text(body, "cron"), text(body, "interval"),
                callback(text(body, "callback")), host(text(body, "host")));
    }

    /** A schedule pinned to a host no instance lives on now is refused like such a submission (409). */
    private String host(String host) {
        if (host == null || host.isBlank()) {
            return null;
        }
        routing.requireLive(host.strip(), "(named by the schedule's host)");
        return host.strip();
    }

    private String callback(String url) {
        try {
            return callbacks.check(url);
        } catch (CallbackRejectedException e) {
            throw invalid(e.getMessage());
        }
    }

    private static String text(Map<String, Object> body, String field) {
        Object value = body.get(field);
        if (value != null && !(value instanceof String)) {
            throw invalid(field + " must be a string.");
        }
        return (String) value;
    }

    private static ApiException invalid(String info) {
        return new ApiException(HttpStatus.BAD_REQUEST, "Invalid schedule.", info);
    }

    private static <T> Mono<T> blocking(Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic()).onErrorMap(ScheduleException.class,
                ScheduleController::toApi);
    }

    private static ApiException toApi(ScheduleException e) {
        return switch (e.kind()) {
            case INVALID -> invalid(e.getMessage());
            case NOT_FOUND -> ApiException.notFound(e.getMessage());
            case CONFLICT -> new ApiException(HttpStatus.CONFLICT, "Schedule exists.", e.getMessage());
        };
    }
}
