package io.github.dqualizer.ctk.support;

import java.time.Duration;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A real HTTP client for the service on a loopback port, as every end-to-end test talks to it. */
public final class LocalClient {

    private LocalClient() {
    }

    public static WebTestClient on(int port, Duration responseTimeout) {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(responseTimeout).build();
    }
}
