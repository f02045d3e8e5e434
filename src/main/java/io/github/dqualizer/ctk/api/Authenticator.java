package io.github.dqualizer.ctk.api;

import io.github.dqualizer.ctk.auth.AccountChecksBusyException;
import io.github.dqualizer.ctk.auth.AuthFailureCounter;
import io.github.dqualizer.ctk.auth.CredentialDigest;
import io.github.dqualizer.ctk.auth.CredentialVerifier;
import io.github.dqualizer.ctk.auth.Credentials;
import io.github.dqualizer.ctk.auth.UserRoles;
import java.net.InetSocketAddress;
import java.time.Duration;
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
        // requests presenting the same credentials from one address while they are checked count as one attempt: a
        // client's burst of first logins on a cold instance is one login, not a guess per request
        AuthenticationThrottle.Attempt attempt = throttle.attempt(credentials.username(), address,
                digest.of(credentials.dbUsername(), credentials.dbPassword(), credentials.username(),
                        credentials.password(), address));
        if (attempt == null) {
            failures.throttled();
            return Mono.error(tooManyAttempts());
        }
        // JDBC underneath: keep it off the event loop
        return Mono.fromCallable(() -> verifier.verify(credentials))
                .subscribeOn(Schedulers.boundedElastic())
                .doOnCancel(attempt::giveBack)
                .onErrorMap(AccountChecksBusyException.class, busy -> accountChecksBusy())
                .doOnError(notChecked -> attempt.giveBack())
                .flatMap(ok -> {
                    if (ok) {
                        attempt.giveBack();
                        return Mono.just(credentials);
                    }
                    failures.badCredentials();
                    attempt.failed();
                    return Mono.error(ApiException.unauthorized());
                });
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
