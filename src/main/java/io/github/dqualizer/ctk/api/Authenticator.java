package io.github.dqualizer.ctk.api;

import io.github.dqualizer.ctk.auth.CredentialVerifier;
import io.github.dqualizer.ctk.auth.Credentials;
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

    Authenticator(CredentialVerifier verifier, AuthenticationThrottle throttle) {
        this.verifier = verifier;
        this.throttle = throttle;
    }

    Mono<String> authenticate(ServerHttpRequest request) {
        Credentials credentials = CredentialHeaders.from(request.getHeaders());
        String address = clientAddress(request);
        if (throttle.blocked(credentials.username(), address)) {
            return Mono.error(tooManyAttempts());
        }
        if (!credentials.complete()) {
            throttle.failed(credentials.username(), address);
            return Mono.error(ApiException.unauthorized());
        }
        // JDBC underneath: keep it off the event loop
        return Mono.fromCallable(() -> verifier.verify(credentials))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(ok -> {
                    if (ok) {
                        return Mono.just(credentials.username());
                    }
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
