package io.github.dqualizer.ctk.jobs.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.dqualizer.ctk.support.Experiments;
import io.github.dqualizer.ctk.support.LocalClient;
import io.github.dqualizer.ctk.support.TestUsers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.jobrunr.jobs.Job;
import org.jobrunr.storage.StorageProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Running an ended run again — {@code POST /experiments/{id}/rerun} and Requeue in the JobRunr dashboard (its own
 * HTTP API, basic auth) — starts a new run for the same owner with the same secrets (encrypted again for it), linked by
 * {@code rerun_of}; never a silent no-op. Also: the cancel answer says {@code cancelling} until the run ends.
 */
// the properties of JobStatesInDashboardTest: one application context with a dashboard server for both
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:ctk-dashboard;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
        "ctk.dashboard.port=0",
        "ctk.dashboard.username=operator",
        "ctk.dashboard.password=Dash-board-pw",
        "ctk.secrets.key-file=target/test-secrets.key"})
class RerunTest {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON_MAP = new ParameterizedTypeReference<>() {
    };

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;
    @Autowired
    DashboardServer dashboard;
    @Autowired
    StorageProvider storage;
    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private WebTestClient client;

    @BeforeEach
    void setUp() {
        TestUsers.ensure(dataSource);
        client = LocalClient.on(port, Duration.ofSeconds(30));
    }

    @Test
    void rerunOfEndedRunThenNewRunSameOwnerLinkedAndSecretsCarriedOverEncrypted() throws Exception {
        String secret = "rerun-secret-" + System.nanoTime();
        Path out = dir.resolve("secret-used");
        String original = submit(writesSecret(secret, out));
        awaitStatus(original, "completed");

        Map<String, Object> answer = TestUsers.authorized(client.post().uri("/experiments/{id}/rerun", original))
                .exchange()
                .expectStatus().isAccepted()
                .expectHeader().value("Location", location -> assertThat(location).startsWith("/experiments/"))
                .expectBody(JSON_MAP).returnResult().getResponseBody();
        String again = (String) answer.get("run_id");
        assertThat(again).isNotEqualTo(original);
        assertThat(answer).containsEntry("rerun_of", original);
        assertThat(answer.get("status")).as("as it is when answered: a free worker may have started it already")
                .isIn("queued", "running", "completed");

        awaitStatus(again, "completed");
        assertThat(Files.readString(out)).as("both runs used the decrypted secret").isEqualTo(secret + secret);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        Map<String, Object> row = jdbc.queryForMap("SELECT owner, rerun_of, secrets_cipher, experiment_json FROM experiment_runs WHERE id = ?", again);
        assertThat(row.get("owner")).isEqualTo(TestUsers.DEMO_USER);
        assertThat(row.get("rerun_of")).isEqualTo(original);
        assertThat((String) row.get("secrets_cipher")).as("encrypted again, bound to the new run").isNotBlank()
                .doesNotContain(secret).startsWith("v2:")
                .isNotEqualTo(jdbc.queryForObject("SELECT secrets_cipher FROM experiment_runs WHERE id = ?", String.class, original));
        assertThat((String) row.get("experiment_json")).doesNotContain(secret);
        assertThat(listedRuns()).filteredOn(run -> again.equals(run.get("run_id")))
                .singleElement().satisfies(run -> assertThat(run).containsEntry("rerun_of", original));
    }

    @Test
    void rerunWhileRunningThen409AndAnotherUsersRunThen404() {
        String running = submit(Experiments.sleeping(60));
        awaitStatus(running, "running");

        Map<String, Object> conflict = TestUsers.authorized(client.post().uri("/experiments/{id}/rerun", running)).exchange()
                .expectStatus().isEqualTo(409).expectBody(JSON_MAP).returnResult().getResponseBody();
        assertThat(conflict).containsEntry("status_code", 409).containsEntry("status", "Run has not ended.");
        assertThat((String) conflict.get("info")).contains("is running");

        client.post().uri("/experiments/{id}/rerun", running)
                .header("dbUsername", TestUsers.DB_USER).header("dbPassword", TestUsers.DB_PASSWORD)
                .header("username", TestUsers.OTHER_USER).header("password", TestUsers.OTHER_PASSWORD)
                .exchange().expectStatus().isNotFound();

        Map<String, Object> cancel = TestUsers.authorized(client.post().uri("/experiments/{id}/cancel", running)).exchange()
                .expectStatus().isAccepted().expectBody(JSON_MAP).returnResult().getResponseBody();
        assertThat(cancel).as("the cancel answer while the run stops").containsEntry("status", "cancelling");
        awaitStatus(running, "interrupted");
        Map<String, Object> again = TestUsers.authorized(client.post().uri("/experiments/{id}/cancel", running)).exchange()
                .expectStatus().isAccepted().expectBody(JSON_MAP).returnResult().getResponseBody();
        assertThat(again).as("once it has ended").containsEntry("status", "interrupted");
    }

    @Test
    void requeueInDashboardOfFailedRunThenNewRunAndOriginalJobKeepsItsState() throws Exception {
        String original = submit(Experiments.hypothesisProbeTimesOut());
        awaitStatus(original, "failed");
        await().atMost(Duration.ofSeconds(30)).until(() -> "FAILED".equals(lastState(job(original))));

        assertThat(dashboardPost("/api/jobs/" + original + "/requeue")).isEqualTo(204);

        Map<String, Object> rerun = await().atMost(Duration.ofSeconds(30)).until(() -> listedRuns().stream()
                .filter(run -> original.equals(run.get("rerun_of"))).findFirst().orElse(null), run -> run != null);
        String again = (String) rerun.get("run_id");
        awaitStatus(again, "failed");
        await().atMost(Duration.ofSeconds(30)).until(() -> "FAILED".equals(lastState(job(again))));

        JsonNode originalJob = job(original);
        assertThat(lastState(originalJob)).as("the original job is not run again").isEqualTo("FAILED");
        assertThat(originalJob.get("jobHistory").size()).isEqualTo(3);
        assertThat(originalJob.get("metadata").toString())
                .contains("Requeued in the dashboard: runs again as run " + again);
        assertThat(run(original)).containsEntry("status", "failed");
    }

    @Test
    void requeueInDashboardWhileRunningThen409AndNothingStarted() throws Exception {
        String running = submit(Experiments.sleeping(60));
        awaitStatus(running, "running");

        assertThat(dashboardPost("/api/jobs/" + running + "/requeue")).isEqualTo(409);

        assertThat(listedRuns()).noneMatch(run -> running.equals(run.get("rerun_of")));
        TestUsers.authorized(client.post().uri("/experiments/{id}/cancel", running)).exchange().expectStatus().isAccepted();
        awaitStatus(running, "interrupted");
    }

    @Test
    void jobOfEndedRunEnqueuedAgainBehindTheDashboardThenSaysSoAndEndsAsTheRunDid() throws Exception {
        String original = submit(Experiments.hypothesisProbeTimesOut());
        awaitStatus(original, "failed");
        await().atMost(Duration.ofSeconds(30)).until(() -> "FAILED".equals(lastState(job(original))));

        Job job = storage.getJobById(UUID.fromString(original)); // as JobRunr's own API or another dashboard would
        job.enqueue();
        storage.save(job);

        JsonNode again = await().atMost(Duration.ofSeconds(60)).until(() -> job(original),
                j -> j.get("jobHistory").size() == 6 && "FAILED".equals(lastState(j)));
        assertThat(again.get("metadata").toString()).contains("already ended (failed); a run never executes twice");
        assertThat(run(original)).containsEntry("status", "failed");
        assertThat(listedRuns()).noneMatch(run -> original.equals(run.get("rerun_of")));
    }

    private static String writesSecret(String secret, Path out) {
        return """
                {"title": "uses a secret", "description": "appends its secret to a file",
                 "secrets": {"vault": {"token": "%s"}},
                 "method": [{"type": "action", "name": "write secret", "provider": {"type": "process", "path": "sh",
                             "arguments": ["-c", "printf '%%s' \\"$0\\" >> '%s'", "${token}"], "secrets": ["vault"]}}]}
                """.formatted(secret, out);
    }

    private String submit(String experiment) {
        Map<String, Object> body = TestUsers.authorized(client.post().uri("/execute_experiment")
                        .contentType(MediaType.APPLICATION_JSON))
                .bodyValue(experiment).exchange()
                .expectStatus().isAccepted()
                .expectBody(JSON_MAP).returnResult().getResponseBody();
        return (String) body.get("run_id");
    }

    private Map<String, Object> run(String runId) {
        return TestUsers.authorized(client.get().uri("/experiments/{id}", runId)).exchange()
                .expectStatus().isOk().expectBody(JSON_MAP).returnResult().getResponseBody();
    }

    private void awaitStatus(String runId, String status) {
        await().atMost(Duration.ofSeconds(60)).until(() -> status.equals(run(runId).get("status")));
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> listedRuns() {
        return (List<Map<String, Object>>) TestUsers.authorized(client.get().uri("/experiments?size=100")).exchange()
                .expectStatus().isOk().expectBody(JSON_MAP).returnResult().getResponseBody().get("items");
    }

    private JsonNode job(String runId) throws Exception {
        HttpResponse<String> response = http.send(dashboardRequest("/api/jobs/" + runId).build(),
                HttpResponse.BodyHandlers.ofString());
        return json.readTree(response.body());
    }

    private int dashboardPost(String path) throws Exception {
        return http.send(dashboardRequest(path).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private HttpRequest.Builder dashboardRequest(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + dashboard.port() + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("operator:Dash-board-pw".getBytes(StandardCharsets.UTF_8)));
    }

    private static String lastState(JsonNode job) {
        JsonNode history = job.get("jobHistory");
        return history.get(history.size() - 1).get("state").asString();
    }
}
