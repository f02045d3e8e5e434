package io.github.dqualizer.ctk.api;

import io.github.dqualizer.ctk.auth.AuthFailureCounter;
import io.github.dqualizer.ctk.auth.CredentialVerifier;
import io.github.dqualizer.ctk.auth.Credentials;
import io.github.dqualizer.ctk.auth.UserRoles;
import java.net.InetSocketAddress;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Authenticates a request by its four credential headers; emits the user name or fails with 401 (or 429 when throttled). */
@Component
class Authenticator {

    private final CredentialVerifier verifier;
    private final AuthenticationThrottle throttle;
    private final UserRoles roles;
    private final AuthFailureCounter failures;

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
        if (throttle.blocked(credentials.username(), address)) {
            failures.throttled();
            return Mono.error(tooManyAttempts());
        }
        if (!credentials.complete()) {
            failures.missingHeaders();
            throttle.failed(credentials.username(), address);
            return Mono.error(ApiException.unauthorized());
        }
        // JDBC underneath: keep it off the event loop
        return Mono.fromCallable(() -> verifier.verify(credentials))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(ok -> {
                    if (ok) {
                        return Mono.just(credentials);
                    }
                    failures.badCredentials();
                    throttle.failed(credentials.username(), address);
                    return Mono.error(ApiException.unauthorized());
                });
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
