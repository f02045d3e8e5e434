package io.github.dqualizer.ctk.api;

import io.github.dqualizer.ctk.auth.AccountChecksBusyException;
import io.github.dqualizer.ctk.auth.AuthFailureCounter;
import io.github.dqualizer.ctk.auth.CredentialDigest;
import io.github.dqualizer.ctk.auth.CredentialVerifier;
import io.github.dqualizer.ctk.auth.Credentials;
import io.github.dqualizer.ctk.auth.UserRoles;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Authenticates a request by its four credential headers; emits the user name or fails with 401 (429 when throttled,
 * 503 when too many database account checks are running).
 */
@Component
class Authenticator {

    private static final Duration BUSY_RETRY_AFTER = Duration.ofSeconds(1);

    private final CredentialVerifier verifier;
    private final AuthenticationThrottle throttle;
    private final UserRoles roles;
    private final AuthFailureCounter failures;
    private final CredentialDigest digest = new CredentialDigest();
    private final ConcurrentMap<String, CompletableFuture<Boolean>> checksInFlight = new ConcurrentHashMap<>();

    Authenticator(CredentialVerifier verifier, AuthenticationThrottle throttle, UserRoles roles,
                  AuthFailureCounter failures) {
        this.verifier = verifier;
        this.throttle = throttle;
        this.roles = roles;
        this.failures = failures;
    }

    /** Emits the caller's user name; unlike {@link #caller} it does not look up roles (one query less per submission). */
    Mono<String> authenticate(ServerHttpRequest request) {
        return verified(request).map(Credentials::username);
    }

    /** Emits the caller with their role. */
    Mono<Caller> caller(ServerHttpRequest request) {
        return verified(request)
                .flatMap(credentials -> Mono.fromCallable(() -> new Caller(credentials.username(),
                                roles.has(credentials.username(), UserRoles.OPERATOR)))
                        .subscribeOn(Schedulers.boundedElastic()));
    }

    private Mono<Credentials> verified(ServerHttpRequest request) {
        Credentials credentials = CredentialHeaders.from(request.getHeaders());
        String address = clientAddress(request);
        if (!credentials.complete()) {
            AuthenticationThrottle.Attempt attempt = throttle.attempt(credentials.username(), address);
            if (attempt == null) {
                failures.throttled();
                return Mono.error(tooManyAttempts());
            }
            failures.missingHeaders();
            attempt.failed();
            // which headers are absent is no secret; wrong values keep the uniform answer with empty info
            return Mono.error(new ApiException(HttpStatus.UNAUTHORIZED, "Authentication failed.",
                    "missing header(s): " + String.join(", ", CredentialHeaders.missing(credentials))));
        }
        return Mono.fromFuture(sharedCheck(credentials, address), true)
                .onErrorMap(AccountChecksBusyException.class, busy -> accountChecksBusy())
                .doOnError(Authenticator::throttled, throttled -> failures.throttled())
                .flatMap(ok -> {
                    if (ok) {
                        return Mono.just(credentials);
                    }
                    failures.badCredentials();
                    return Mono.error(ApiException.unauthorized());
                });
    }

    /**
     * The check of these credentials from this address: requests that present the same ones while it runs share it
     * and count as one attempt (a client's burst of first logins on a cold instance is one login, not a guess per
     * request). The attempt is counted before the check, so parallel guesses with different passwords cannot all pass
     * a count that is only raised after it. The check runs to its end even when every caller has gone, so a guess is
     * counted whether or not its client waits for the answer.
     */
    private CompletableFuture<Boolean> sharedCheck(Credentials credentials, String address) {
        String key = digest.of(credentials.dbUsername(), credentials.dbPassword(), credentials.username(),
                credentials.password(), address);
        CompletableFuture<Boolean> check = new CompletableFuture<>();
        CompletableFuture<Boolean> running = checksInFlight.putIfAbsent(key, check);
        if (running != null) {
            return running;
        }
        check.whenComplete((ok, error) -> checksInFlight.remove(key, check));
        AuthenticationThrottle.Attempt attempt = throttle.attempt(credentials.username(), address);
        if (attempt == null) {
            check.completeExceptionally(tooManyAttempts());
            return check;
        }
        // JDBC underneath: keep it off the event loop
        Mono.fromCallable(() -> verifier.verify(credentials))
                .subscribeOn(Schedulers.boundedElastic())
                .subscribe(ok -> {
                    if (ok) {
                        attempt.giveBack();
                    } else {
                        attempt.failed();
                    }
                    check.complete(ok);
                }, notChecked -> {
                    // database down or too busy: not the caller's failure
                    attempt.giveBack();
                    check.completeExceptionally(notChecked);
                });
        return check;
    }

    private static boolean throttled(Throwable error) {
        return error instanceof ApiException api && api.httpStatus() == HttpStatus.TOO_MANY_REQUESTS;
    }

    private static ApiException accountChecksBusy() {
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "Service busy.",
                "Too many database account checks are running at once; retry in " + BUSY_RETRY_AFTER.toSeconds()
                        + " second.")
                .withRetryAfter(BUSY_RETRY_AFTER);
    }

    private ApiException tooManyAttempts() {
        return new ApiException(HttpStatus.TOO_MANY_REQUESTS, "Too many failed authentication attempts.",
                "Retry after " + throttle.retryAfter().toSeconds() + " seconds.")
                .withRetryAfter(throttle.retryAfter());
    }

    private static String clientAddress(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        return remote == null || remote.getAddress() == null ? null : remote.getAddress().getHostAddress();
    }
}
