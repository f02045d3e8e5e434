package io.github.dqualizer.ctk.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dqualizer.ctk.support.Experiments;
import io.github.dqualizer.ctk.support.LocalClient;
import io.github.dqualizer.ctk.support.TestUsers;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * {@code ctk.instance.host} through the real API: the run view and the journal's {@code dqualizer-ctk} block say
 * where a run executed. Subclasses run the service as host {@value #HOST} on H2 and on MySQL/MariaDB.
 */
abstract class RunHostContract {

    static final String HOST = "chaos-host-a";

    private static final ParameterizedTypeReference<Map<String, Object>> JSON_MAP = new ParameterizedTypeReference<>() {
    };

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;

    WebTestClient client;

    @BeforeEach
    void setUp() {
        TestUsers.ensure(dataSource);
        client = LocalClient.on(port, Duration.ofSeconds(30));
    }

    @Test
    void runViewWhenRunEndedThenHostIsTheConfiguredInstanceHost() {
        String runId = runToEnd("/execute_experiment?wait=true");

        assertThat(get("/experiments/" + runId)).containsEntry("host", HOST);
    }

    @Test
    void journalWhenRunEndedThenServiceBlockNamesTheHost() {
        String runId = runToEnd("/execute_experiment?wait=true");

        Map<String, Object> journal = get("/experiments/" + runId + "/journal");
        assertThat((Map<String, Object>) journal.get("dqualizer-ctk")).containsEntry("host", HOST);
    }

    String runToEnd(String uri) {
        Map<String, Object> body = post(uri).expectStatus().isOk()
                .expectBody(JSON_MAP).returnResult().getResponseBody();
        return (String) body.get("run_id");
    }

    WebTestClient.ResponseSpec post(String uri) {
        return TestUsers.authorized(client.post().uri(uri).contentType(MediaType.APPLICATION_JSON))
                .bodyValue(Experiments.withSteadyState("where it ran")).exchange();
    }

    Map<String, Object> get(String uri) {
        return TestUsers.authorized(client.get().uri(uri)).exchange()
                .expectStatus().isOk()
                .expectBody(JSON_MAP).returnResult().getResponseBody();
    }
}
