package io.github.dqualizer.ctk.api;

import io.github.dqualizer.ctk.auth.CredentialVerifier;
import io.github.dqualizer.ctk.auth.Credentials;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Authenticates a request by its four credential headers; emits the user name or fails with 401. */
@Component
class Authenticator {

    private final CredentialVerifier verifier;

    Authenticator(CredentialVerifier verifier) {
        this.verifier = verifier;
    }

    Mono<String> authenticate(HttpHeaders headers) {
        Credentials credentials = CredentialHeaders.from(headers);
        if (!credentials.complete()) {
            return Mono.error(ApiException.unauthorized());
        }
        // JDBC underneath: keep it off the event loop
        return Mono.fromCallable(() -> verifier.verify(credentials))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(ok -> ok ? Mono.just(credentials.username()) : Mono.error(ApiException.unauthorized()));
    }
}
