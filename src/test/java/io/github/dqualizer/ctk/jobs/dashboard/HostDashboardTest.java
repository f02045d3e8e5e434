package io.github.dqualizer.ctk.jobs.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.dqualizer.ctk.support.LocalClient;
import io.github.dqualizer.ctk.support.TestUsers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each table set has a dashboard (docs/adr/0008-fleet-routing.md): a run pinned to this host (by {@code ?host=} or
 * because it acts on host processes) has its job in the host's JobRunr tables, shown by the second dashboard
 * ({@code ctk.dashboard.host-port}); an unpinned run's job is on the shared one. Read over JobRunr's dashboard API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:ctk-host-dashboard;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
        "ctk.instance.host=dashboard-host",
        "ctk.dashboard.port=0",
        "ctk.dashboard.username=operator",
        "ctk.dashboard.password=Dash-board-pw",
        "ctk.secrets.key-file=target/test-secrets.key"})
class HostDashboardTest {

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;
    @Autowired
    DashboardServer sharedDashboard;
    @Autowired
    @Qualifier("hostDashboardServer")
    DashboardServer hostDashboard;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void pinnedRunThenItsJobOnTheHostDashboardAndUnpinnedOnTheSharedOne() throws Exception {
        TestUsers.ensure(dataSource);
        WebTestClient client = LocalClient.on(port, Duration.ofSeconds(30));
        String pinned = submit(client, "?host=dashboard-host");
        String unpinned = submit(client, "");

        JsonNode pinnedJob = await().atMost(Duration.ofSeconds(60))
                .until(() -> get(hostDashboard, "/api/jobs/" + pinned), job -> job != null && succeeded(job));
        assertThat(pinnedJob.get("id").asString()).isEqualTo(pinned);
        JsonNode unpinnedJob = await().atMost(Duration.ofSeconds(60))
                .until(() -> get(sharedDashboard, "/api/jobs/" + unpinned), job -> job != null && succeeded(job));
        assertThat(unpinnedJob.get("id").asString()).isEqualTo(unpinned);

        assertThat(hostDashboard.port()).isNotEqualTo(sharedDashboard.port());
        assertThat(get(sharedDashboard, "/api/jobs/" + pinned)).as("not in the shared tables").isNull();
        assertThat(get(hostDashboard, "/api/jobs/" + unpinned)).as("not in the host's tables").isNull();
        JsonNode succeededOnHost = get(hostDashboard, "/api/jobs?state=SUCCEEDED&offset=0&limit=100&order=updatedAt:DESC");
        assertThat(succeededOnHost.get("items").valueStream().map(item -> item.get("id").asString())).contains(pinned);
    }

    private String submit(WebTestClient client, String query) {
        Map<String, Object> body = TestUsers.authorized(client.post().uri("/execute_experiment" + query)
                        .contentType(MediaType.APPLICATION_JSON).bodyValue("""
                        {"title": "shown", "description": "ends at once",
                         "method": [{"type": "action", "name": "noop", "provider": {"type": "process", "path": "true"}}]}
                        """))
                .exchange().expectStatus().isAccepted()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
                }).returnResult().getResponseBody();
        return (String) body.get("run_id");
    }

    private static boolean succeeded(JsonNode job) {
        JsonNode history = job.get("jobHistory");
        return "SUCCEEDED".equals(history.get(history.size() - 1).get("state").asString());
    }

    private JsonNode get(DashboardServer dashboard, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + dashboard.port() + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("operator:Dash-board-pw".getBytes(StandardCharsets.UTF_8)))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? json.readTree(response.body()) : null;
    }
}
