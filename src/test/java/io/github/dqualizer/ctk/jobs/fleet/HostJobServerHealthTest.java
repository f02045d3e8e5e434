package io.github.dqualizer.ctk.jobs.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.dqualizer.ctk.support.LocalClient;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * {@code /actuator/health} has a {@code hostJobServer} component: DOWN (503) while the job server of the host's table
 * set is stopped, as JobRunr's component is for the shared one, so an operator sees an instance that cannot run
 * host-process experiments; details stay hidden. Own context on H2, discarded afterwards: it stops that server.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:ctk-host-health;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
        "ctk.dashboard.enabled=false",
        "ctk.jobs.watchdog-interval=1h", // the watchdog would restart the stopped server
        "ctk.secrets.key-file=target/test-secrets.key"})
@DirtiesContext
class HostJobServerHealthTest {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON_MAP = new ParameterizedTypeReference<>() {
    };

    @LocalServerPort
    int port;
    @Autowired
    HostJobServer hostJobServer;

    @Test
    @SuppressWarnings("unchecked")
    void healthWhenHostJobServerStopsThenDownWithoutDetails() {
        WebTestClient client = LocalClient.on(port, Duration.ofSeconds(30));
        await().atMost(Duration.ofSeconds(20)).until(() -> !hostJobServer.serverStopped());
        Map<String, Object> up = client.get().uri("/actuator/health").exchange()
                .expectStatus().isOk().expectBody(JSON_MAP).returnResult().getResponseBody();
        assertThat((Map<String, Object>) ((Map<String, Object>) up.get("components")).get("hostJobServer"))
                .containsOnlyKeys("status").containsEntry("status", "UP");

        hostJobServer.destroy(); // stops its JobRunr server, as JobRunr does after repeated storage errors

        Map<String, Object> down = client.get().uri("/actuator/health").exchange()
                .expectStatus().isEqualTo(503).expectBody(JSON_MAP).returnResult().getResponseBody();
        assertThat(down).containsEntry("status", "DOWN");
        assertThat((Map<String, Object>) ((Map<String, Object>) down.get("components")).get("hostJobServer"))
                .containsOnlyKeys("status").containsEntry("status", "DOWN");
    }
}
