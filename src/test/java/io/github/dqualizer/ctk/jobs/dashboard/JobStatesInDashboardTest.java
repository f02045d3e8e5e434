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
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JobRunr dashboard tells the truth about runs: each outcome is read back over the dashboard's own HTTP API
 * (the one its pages use), on the real application with its dashboard server on a random loopback port.
 */
// the properties of RerunTest: one application context with a dashboard server for both
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:ctk-dashboard;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
        "ctk.dashboard.port=0",
        "ctk.dashboard.username=operator",
        "ctk.dashboard.password=Dash-board-pw",
        "ctk.secrets.key-file=target/test-secrets.key"})
class JobStatesInDashboardTest {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON_MAP = new ParameterizedTypeReference<>() {
    };
    private static final Set<String> ENDED = Set.of("SUCCEEDED", "FAILED", "DELETED");

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;
    @Autowired
    DashboardServer dashboard;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private WebTestClient client;

    @BeforeEach
    void setUp() {
        TestUsers.ensure(dataSource);
        client = LocalClient.on(port, Duration.ofSeconds(30));
    }

    @Test
    void completedRunThenSucceededJobWithoutWarning() throws Exception {
        String runId = submit(Experiments.withSteadyState("completes"));

        JsonNode job = endedJob(runId);
        assertThat(states(job)).containsExactly("ENQUEUED", "PROCESSING", "SUCCEEDED");
        assertThat(logLevels(job)).containsOnly("INFO");
        assertThat(runView(runId)).containsEntry("status", "completed");
    }

    @Test
    void failedRunThenFailedJobWithTheReasonNotRetriedAndRunUntouched() throws Exception {
        String runId = submit(Experiments.hypothesisProbeTimesOut());

        JsonNode job = endedJob(runId);
        assertThat(states(job)).as("failed once, never scheduled for a retry").containsExactly("ENQUEUED", "PROCESSING", "FAILED");
        JsonNode failed = lastState(job);
        assertThat(failed.get("exceptionMessage").asString())
                .isEqualTo("Run failed: probe 'slow' of the steady-state hypothesis failed before the method");
        assertThat(failed.get("doNotRetry").asBoolean()).isTrue();
        assertThat(failed.get("stackTrace").asString()).doesNotContain("\tat ");
        assertThat(listed("FAILED")).as("the dashboard's Failed list").contains(runId);

        Map<String, Object> run = runView(runId);
        assertThat(run).containsEntry("status", "failed").doesNotContainKey("status_reason");
        assertThat(journalStatus(runId)).isEqualTo("failed");
    }

    @Test
    void abortedRunThenFailedJobWithTheError() throws Exception {
        String runId = submit("""
                {"title": "aborts", "description": "a pause that is no number",
                 "method": [{"type": "action", "name": "noop", "provider": {"type": "process", "path": "true"},
                             "pauses": {"after": "${not_a_number}"}}],
                 "configuration": {"not_a_number": "soon"}}
                """);

        JsonNode job = endedJob(runId);
        assertThat(states(job)).containsExactly("ENQUEUED", "PROCESSING", "FAILED");
        assertThat(lastState(job).get("exceptionMessage").asString()).startsWith("Run aborted: ");
        assertThat(runView(runId)).containsEntry("status", "aborted");
    }

    @Test
    void cancelledRunThenFailedJobSayingInterruptedAndRunStaysInterrupted() throws Exception {
        String runId = submit(Experiments.sleeping(60));
        await().atMost(Duration.ofSeconds(30)).until(() -> "running".equals(runView(runId).get("status")));

        TestUsers.authorized(client.post().uri("/experiments/{id}/cancel", runId)).exchange().expectStatus().isAccepted();

        JsonNode job = endedJob(runId);
        assertThat(states(job)).containsExactly("ENQUEUED", "PROCESSING", "FAILED");
        assertThat(lastState(job).get("exceptionMessage").asString()).startsWith("Run interrupted: ");
        assertThat(lastState(job).get("doNotRetry").asBoolean()).isTrue();
        assertThat(runView(runId)).containsEntry("status", "interrupted");
        assertThat(journalStatus(runId)).isEqualTo("interrupted");
    }

    @Test
    void deviatedRunThenSucceededJobWhoseLogAndBarNameTheProbe(@TempDir Path dir) throws Exception {
        Path marker = Files.createFile(dir.resolve("marker"));
        String runId = submit("""
                {"title": "deviates", "description": "the method removes what the hypothesis checks",
                 "steady-state-hypothesis": {"title": "marker present",
                   "probes": [{"type": "probe", "name": "marker exists", "tolerance": 0,
                               "provider": {"type": "process", "path": "test", "arguments": ["-f", "%1$s"]}}]},
                 "method": [{"type": "action", "name": "remove marker",
                             "provider": {"type": "process", "path": "rm", "arguments": ["%1$s"]}}]}
                """.formatted(marker));

        JsonNode job = endedJob(runId);
        assertThat(states(job)).containsExactly("ENQUEUED", "PROCESSING", "SUCCEEDED");
        List<String> warnings = logLines(job, "WARN");
        assertThat(warnings).contains("hypothesis-after: probe 'marker exists' missed its tolerance",
                "Deviated: probe 'marker exists' missed its tolerance after the method");
        JsonNode bar = job.get("metadata").get("jobRunrDashboardProgressBar-2");
        assertThat(bar.get("succeededAmount").asLong()).isEqualTo(2); // probe before, action
        assertThat(bar.get("failedAmount").asLong()).isEqualTo(1);    // the probe after, out of tolerance
        assertThat(runView(runId)).containsEntry("status", "completed").containsEntry("deviated", true);
    }

    private String submit(String experiment) {
        Map<String, Object> body = TestUsers.authorized(client.post().uri("/execute_experiment")
                        .contentType(MediaType.APPLICATION_JSON))
                .bodyValue(experiment).exchange()
                .expectStatus().isAccepted()
                .expectBody(JSON_MAP).returnResult().getResponseBody();
        return (String) body.get("run_id");
    }

    private Map<String, Object> runView(String runId) {
        return TestUsers.authorized(client.get().uri("/experiments/{id}", runId)).exchange()
                .expectStatus().isOk().expectBody(JSON_MAP).returnResult().getResponseBody();
    }

    private String journalStatus(String runId) {
        return (String) TestUsers.authorized(client.get().uri("/experiments/{id}/journal", runId)).exchange()
                .expectStatus().isOk().expectBody(JSON_MAP).returnResult().getResponseBody().get("status");
    }

    /** The job as the dashboard's job page reads it, once JobRunr has stored its final state. */
    private JsonNode endedJob(String runId) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> dashboardGet("/api/jobs/" + runId),
                job -> job != null && ENDED.contains(lastState(job).get("state").asString()));
    }

    private List<String> listed(String state) throws Exception {
        JsonNode page = dashboardGet("/api/jobs?state=" + state + "&offset=0&limit=100&order=updatedAt:DESC");
        return page.get("items").valueStream().map(item -> item.get("id").asString()).toList();
    }

    private JsonNode dashboardGet(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + dashboard.port() + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("operator:Dash-board-pw".getBytes(StandardCharsets.UTF_8)))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? json.readTree(response.body()) : null;
    }

    private static List<String> states(JsonNode job) {
        return job.get("jobHistory").valueStream().map(state -> state.get("state").asString()).toList();
    }

    private static JsonNode lastState(JsonNode job) {
        JsonNode history = job.get("jobHistory");
        return history.get(history.size() - 1);
    }

    private static List<String> logLevels(JsonNode job) {
        return job.get("metadata").get("jobRunrDashboardLog-2").get("logLines").valueStream()
                .map(line -> line.get("level").asString()).toList();
    }

    private static List<String> logLines(JsonNode job, String level) {
        return job.get("metadata").get("jobRunrDashboardLog-2").get("logLines").valueStream()
                .filter(line -> level.equals(line.get("level").asString()))
                .map(line -> line.get("logMessage").asString()).toList();
    }
}
