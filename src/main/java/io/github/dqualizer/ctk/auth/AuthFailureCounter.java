package io.github.dqualizer.ctk.auth;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** The counter {@code ctk.auth.failures}, tagged by {@code reason}; never by user name or address. */
@Component
public class AuthFailureCounter {

    static final String NAME = "ctk.auth.failures";

    private final Counter badCredentials;
    private final Counter throttled;
    private final Counter missingHeaders;

    AuthFailureCounter(MeterRegistry registry) {
        this.badCredentials = counter(registry, "bad-credentials");
        this.throttled = counter(registry, "throttled");
        this.missingHeaders = counter(registry, "missing-headers");
    }

    public void badCredentials() {
        badCredentials.increment();
    }

    public void throttled() {
        throttled.increment();
    }

    public void missingHeaders() {
        missingHeaders.increment();
    }

    private static Counter counter(MeterRegistry registry, String reason) {
        return Counter.builder(NAME).description("Rejected authentications, by reason").tag("reason", reason)
                .register(registry);
    }
}
