package io.github.dqualizer.ctk.jobs;

import io.github.dqualizer.ctk.jobs.jobrunr.SampledStatsJobServer;
import io.github.dqualizer.ctk.support.LocalClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.jobrunr.server.BackgroundJobServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * {@code /actuator/health} without credentials: UP with the database and the job server as components, and
 * DOWN (503) once JobRunr's background job server stops or the database cannot be reached; details stay hidden.
 * Own context: it stops the server and makes the database refuse new connections.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:ctk-health;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
        "ctk.dashboard.enabled=false",
        "ctk.jobs.watchdog-interval=1h", // the watchdog would restart the stopped server
        "spring.datasource.hikari.connection-timeout=1000",
        "ctk.secrets.key-file=target/test-secrets.key"})
@DirtiesContext
class JobServerHealthTest {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON_MAP = new ParameterizedTypeReference<>() {
    };

    @LocalServerPort
    int port;
    @Autowired
    BackgroundJobServer jobServer;
    @Autowired
    DataSource dataSource;

    WebTestClient client;

    @BeforeEach
    void setUp() {
        client = LocalClient.on(port, Duration.ofSeconds(30));
    }

    @Test
    void sharedJobServerIsTheOneWhoseHeartbeatSamplesTheHostFigures() {
        assertThat(jobServer).isInstanceOf(SampledStatsJobServer.class);
    }

    @Test
    @SuppressWarnings("unchecked")
    void healthWhenJobServerStopsThenDownWithoutDetails() {
        await().atMost(Duration.ofSeconds(20)).until(jobServer::isRunning);
        Map<String, Object> up = client.get().uri("/actuator/health").exchange()
                .expectStatus().isOk().expectBody(JSON_MAP).returnResult().getResponseBody();
        assertThat(up).containsEntry("status", "UP");
        Map<String, Object> components = (Map<String, Object>) up.get("components");
        assertThat(components).containsKeys("db", "JobRunr");
        assertThat((Map<String, Object>) components.get("db")).containsOnlyKeys("status").containsEntry("status", "UP");
        assertThat((Map<String, Object>) components.get("JobRunr")).containsOnlyKeys("status").containsEntry("status", "UP");

        jobServer.stop();
        try {
            Map<String, Object> down = client.get().uri("/actuator/health").exchange()
                    .expectStatus().isEqualTo(503).expectBody(JSON_MAP).returnResult().getResponseBody();
            assertThat(down).containsEntry("status", "DOWN");
            assertThat((Map<String, Object>) ((Map<String, Object>) down.get("components")).get("JobRunr"))
                    .containsOnlyKeys("status").containsEntry("status", "DOWN");
            assertThat(down.toString()).doesNotContain("details").doesNotContain("jdbc:").doesNotContain("H2");
        } finally {
            jobServer.start();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void healthWhenDatabaseUnreachableThenDownWithoutDetails() {
        HikariDataSource hikari = (HikariDataSource) dataSource;
        String password = hikari.getPassword();
        // the database refuses every new connection: as unreachable for the service as a dead server
        hikari.getHikariConfigMXBean().setPassword("not-the-password");
        hikari.getHikariPoolMXBean().softEvictConnections();
        try {
            Map<String, Object> down = client.get().uri("/actuator/health").exchange()
                    .expectStatus().isEqualTo(503).expectBody(JSON_MAP).returnResult().getResponseBody();
            assertThat(down).containsEntry("status", "DOWN");
            assertThat((Map<String, Object>) ((Map<String, Object>) down.get("components")).get("db"))
                    .containsOnlyKeys("status").containsEntry("status", "DOWN");
            assertThat(down.toString()).doesNotContain("Wrong user name or password").doesNotContain("details");
        } finally {
            hikari.getHikariConfigMXBean().setPassword(password);
        }
        // JobRunr's own threads (a start-up task of the server restarted by the other test, its poll) fail while
        // the password is wrong, and may throw during this wait: expected during an outage, and not what this
        // test judges, so Awaitility must not turn those threads' exceptions into a failure of the health check.
        await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            if (!jobServer.isRunning()) {
                jobServer.start(); // JobRunr stops its server after repeated storage errors
            }
            client.get().uri("/actuator/health").exchange().expectStatus().isOk();
        });
    }
}
