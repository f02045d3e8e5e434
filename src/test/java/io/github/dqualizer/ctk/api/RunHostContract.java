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

    @Test
    void hostNamedThatIsThisInstancesThenRunPinnedThereAndExecutedHere() {
        String runId = runToEnd("/execute_experiment?wait=true&host=" + HOST);

        assertThat(get("/experiments/" + runId)).containsEntry("host", HOST).containsEntry("pinned_host", HOST);
    }

    @Test
    void unpinnedRunThenNoPinnedHost() {
        String runId = runToEnd("/execute_experiment?wait=true");

        assertThat(get("/experiments/" + runId)).doesNotContainKey("pinned_host").doesNotContainKey("waiting_for");
    }

    @Test
    @SuppressWarnings("unchecked")
    void hostNamedWithoutLiveInstanceThen409NamingItAndTheLiveHostsAndNothingStored() {
        String title = "nowhere " + java.util.UUID.randomUUID();
        Map<String, Object> body = TestUsers.authorized(client.post().uri("/execute_experiment?host=nowhere-host")
                        .contentType(MediaType.APPLICATION_JSON))
                .bodyValue(Experiments.withSteadyState(title)).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody(JSON_MAP).returnResult().getResponseBody();

        assertThat(body).containsEntry("status_code", 409);
        Map<String, Object> info = (Map<String, Object>) body.get("info");
        assertThat(info).containsEntry("host", "nowhere-host");
        assertThat((java.util.List<Object>) info.get("live_hosts")).contains(HOST);
        assertThat(new org.springframework.jdbc.core.JdbcTemplate(dataSource)
                .queryForObject("SELECT COUNT(*) FROM experiment_runs WHERE title = ?", Integer.class, title)).isZero();
    }

    @Test
    void hostProcessRunWithoutHostThenPinnedToThisAcceptingHost() {
        String experiment = """
                {"title": "host process", "description": "looks at this host's processes",
                 "method": [{"type": "probe", "name": "java exists", "provider": {"type": "python",
                   "module": "processMonitoring", "func": "check_process_exists",
                   "arguments": {"db_username": "%s", "db_password": "%s", "username": "%s", "password": "%s",
                                 "process_name": "java"}}}]}
                """.formatted(TestUsers.DB_USER, TestUsers.DB_PASSWORD, TestUsers.DEMO_USER, TestUsers.DEMO_PASSWORD);
        Map<String, Object> body = TestUsers.authorized(client.post().uri("/execute_experiment?wait=true")
                        .contentType(MediaType.APPLICATION_JSON))
                .bodyValue(experiment).exchange()
                .expectBody(JSON_MAP).returnResult().getResponseBody();

        assertThat(get("/experiments/" + body.get("run_id"))).containsEntry("host", HOST).containsEntry("pinned_host", HOST);
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
