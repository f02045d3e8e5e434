package io.github.dqualizer.ctk.api;

import io.github.dqualizer.ctk.engine.DryMode;
import io.github.dqualizer.ctk.experiment.ExperimentValidator;
import io.github.dqualizer.ctk.experiment.ValidationProblem;
import io.github.dqualizer.ctk.jobs.RunOrigin;
import io.github.dqualizer.ctk.jobs.RunSubmitter;
import io.github.dqualizer.ctk.jobs.completion.RunWaiter;
import io.github.dqualizer.ctk.jobs.store.RunOutcome;
import io.github.dqualizer.ctk.notifications.CallbackRejectedException;
import io.github.dqualizer.ctk.notifications.CallbackTargets;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** {@code POST /execute_experiment} (the prototype's endpoint) and {@code POST /experiments/validate}. */
@RestController
class ExperimentController {

    private final Authenticator authenticator;
    private final BodyReader bodyReader;
    private final ExperimentValidator validator;
    private final RunSubmitter submitter;
    private final RunWaiter waiter;
    private final CallbackTargets callbacks;
    private final ApiProperties properties;

    ExperimentController(Authenticator authenticator, BodyReader bodyReader, ExperimentValidator validator,
                         RunSubmitter submitter, RunWaiter waiter, CallbackTargets callbacks, ApiProperties properties) {
        this.authenticator = authenticator;
        this.bodyReader = bodyReader;
        this.validator = validator;
        this.submitter = submitter;
        this.waiter = waiter;
        this.callbacks = callbacks;
        this.properties = properties;
    }

    @PostMapping("/execute_experiment")
    Mono<ResponseEntity<Envelope>> execute(ServerHttpRequest request,
                                           @RequestParam(required = false) Boolean wait,
                                           @RequestParam(required = false) Long timeout,
                                           @RequestParam(required = false) String dry,
                                           @RequestParam(required = false) String callback,
                                           @RequestParam(required = false) String host) {
        boolean waitForEnd = wait == null ? properties.waitByDefault() : wait;
        return authenticator.authenticate(request)
                .flatMap(owner -> {
                    BodyReader.requireSupported(request);
                    String dryMode = dryMode(dry);
                    Duration waitTimeout = waitTimeout(timeout);
                    RunOrigin origin = RunOrigin.api(dryMode, callbackUrl(callback), host);
                    return bodyReader.read(request)
                            .flatMap(experiment -> submit(owner, experiment, origin, waitForEnd, waitTimeout));
                });
    }

    @PostMapping("/experiments/validate")
    Mono<Map<String, Boolean>> validate(ServerHttpRequest request) {
        return authenticator.authenticate(request)
                .flatMap(owner -> {
                    BodyReader.requireSupported(request);
                    return bodyReader.read(request);
                })
                .flatMap(this::validated)
                .map(valid -> Map.of("valid", true));
    }

    private Mono<Map<String, Object>> validated(Map<String, Object> experiment) {
        // validation may resolve executables and environment: keep it off the event loop
        return Mono.fromCallable(() -> requireValid(experiment)).subscribeOn(Schedulers.boundedElastic());
    }

    private Map<String, Object> requireValid(Map<String, Object> experiment) {
        List<ValidationProblem> problems = validator.validate(experiment);
        if (!problems.isEmpty()) {
            throw ApiException.invalidExperiment(describe(problems));
        }
        return experiment;
    }

    private Mono<ResponseEntity<Envelope>> submit(String owner, Map<String, Object> experiment, RunOrigin origin,
                                                  boolean waitForEnd, Duration waitTimeout) {
        String runId = submitter.newRunId();
        // validated and stored in one task off the event loop: one thread hand-off fewer per submission (issue 18)
        Mono<RunOutcome> stored = Mono.fromCallable(() -> submitter.submit(runId, owner, requireValid(experiment), origin))
                .subscribeOn(Schedulers.boundedElastic());
        if (!waitForEnd) {
            return stored.map(outcome -> respond(Outcomes.accepted(runId, outcome.title())));
        }
        // registers for the completion before the job exists, so even an instant run is not missed
        Mono<RunOutcome> end = waiter.awaitEnd(runId, waitTimeout);
        return stored.doOnError(error -> waiter.forget(runId))
                .then(end)
                .map(outcome -> respond(Outcomes.envelope(outcome), properties.outcomeInBody() ? 200 : null));
    }

    private static ResponseEntity<Envelope> respond(Envelope envelope) {
        return respond(envelope, null);
    }

    /** {@code httpStatus} null: the HTTP status is the envelope's {@code status_code}. */
    private static ResponseEntity<Envelope> respond(Envelope envelope, Integer httpStatus) {
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(httpStatus == null ? envelope.statusCode() : httpStatus);
        if (envelope.runId() != null) {
            builder.location(URI.create("/experiments/" + envelope.runId()));
        }
        return builder.body(envelope);
    }

    private static String dryMode(String dry) {
        try {
            DryMode mode = DryMode.parse(dry);
            return mode == null ? null : dry;
        } catch (IllegalArgumentException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "Invalid request.", e.getMessage());
        }
    }

    private String callbackUrl(String callback) {
        try {
            return callbacks.check(callback);
        } catch (CallbackRejectedException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "Invalid request.", e.getMessage());
        }
    }

    private Duration waitTimeout(Long seconds) {
        if (seconds == null) {
            return min(properties.defaultWaitTimeout(), properties.maxWaitTimeout());
        }
        if (seconds <= 0) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "Invalid request.", "timeout must be a positive number of seconds.");
        }
        return min(Duration.ofSeconds(seconds), properties.maxWaitTimeout());
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static List<String> describe(List<ValidationProblem> problems) {
        return problems.stream()
                .map(p -> p.location() == null || p.location().isEmpty() ? p.message() : p.location() + ": " + p.message())
                .toList();
    }
}
