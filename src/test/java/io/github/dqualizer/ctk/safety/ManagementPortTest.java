package io.github.dqualizer.ctk.safety;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dqualizer.ctk.support.LocalClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementServerProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The other choice of ADR 0005: with {@code management.server.port} the actuator, Prometheus included, answers
 * without an account on its own port on 127.0.0.1, and the API port serves no actuator at all.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:ctk-management;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
        "ctk.dashboard.enabled=false",
        "ctk.secrets.key-file=target/test-secrets.key"})
class ManagementPortTest {

    static final int MANAGEMENT_PORT = freePort();

    @LocalServerPort
    int port;
    @Autowired
    ManagementServerProperties managementServer;

    @DynamicPropertySource
    static void managementPort(DynamicPropertyRegistry registry) {
        registry.add("management.server.port", () -> MANAGEMENT_PORT);
    }

    @Test
    void prometheusIsScrapedAnonymouslyOnTheLoopbackManagementPortAndNotOnTheApiPort() {
        WebTestClient management = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + MANAGEMENT_PORT)
                .responseTimeout(Duration.ofSeconds(30)).build();
        WebTestClient api = LocalClient.on(port, Duration.ofSeconds(30));

        assertThat(managementServer.getAddress()).as("bound to loopback").isEqualTo(InetAddress.getLoopbackAddress());
        management.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body).contains("jvm_threads_live_threads"));
        management.get().uri("/actuator/health").exchange().expectStatus().isOk();
        api.get().uri("/actuator/prometheus").exchange().expectStatus().value(status -> assertThat(status)
                .isIn(401, 404));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
