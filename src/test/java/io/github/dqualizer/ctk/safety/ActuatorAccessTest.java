package io.github.dqualizer.ctk.safety;

import io.github.dqualizer.ctk.support.LocalClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The actuator on the API port: health answers anyone; prometheus, metrics and info need the dashboard account and
 * answer 401 with the envelope otherwise.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:ctk-actuator;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
        "ctk.dashboard.enabled=false",
        "ctk.dashboard.username=operator",
        "ctk.dashboard.password=Op3rator-pw",
        "ctk.secrets.key-file=target/test-secrets.key"})
class ActuatorAccessTest {

    @LocalServerPort
    int port;

    @Test
    void healthIsAnonymousEverythingElseNeedsTheDashboardAccount() {
        WebTestClient client = LocalClient.on(port, Duration.ofSeconds(30));

        client.get().uri("/actuator/health").exchange().expectStatus().isOk();
        client.get().uri("/actuator/health/liveness").exchange().expectStatus().value(status -> org.assertj.core.api
                .Assertions.assertThat(status).isNotEqualTo(401));
        for (String path : new String[] {"/actuator/prometheus", "/actuator/metrics", "/actuator/metrics/jvm.threads.live",
                "/actuator/info", "/actuator", "/actuator/"}) {
            client.get().uri(path).exchange()
                    .expectStatus().isUnauthorized()
                    .expectHeader().valueMatches("WWW-Authenticate", "Basic realm=.*")
                    .expectBody()
                    .jsonPath("$.status_code").isEqualTo(401)
                    .jsonPath("$.status").isEqualTo("Authentication failed.")
                    .jsonPath("$.info").isEqualTo(path + " needs the dashboard account (HTTP basic auth, "
                            + "ctk.dashboard.username/password)");
            client.get().uri(path).headers(h -> h.setBasicAuth("operator", "wrong")).exchange()
                    .expectStatus().isUnauthorized();
        }
        client.get().uri("/actuator/prometheus").headers(h -> h.setBasicAuth("operator", "Op3rator-pw")).exchange()
                .expectStatus().isOk().expectBody(String.class).value(body -> org.assertj.core.api.Assertions
                        .assertThat(body).contains("jvm_threads_live_threads"));
        client.get().uri("/actuator/prometheus").header("Authorization", "Basic %%%").exchange()
                .expectStatus().isUnauthorized();
    }
}
