package io.github.dqualizer.ctk.api;

import io.github.dqualizer.ctk.support.LocalClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.dqualizer.ctk.support.TestUsers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Cancel and emergency stop over HTTP, on real runs of real processes: a cancelled running run is
 * interrupted long before JobRunr's next heartbeat and gets its rollbacks, a cancelled queued run never
 * starts, only owners cancel and only operators stop everything.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:ctk-control;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
        "jobrunr.background-job-server.worker-count=2",
        "ctk.dashboard.enabled=false",
        "ctk.secrets.key-file=target/test-secrets.key"})
class RunControlTest {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON_MAP = new ParameterizedTypeReference<>() {
    };
    private static final String OPERATOR = "operatorUser";
    private static final String OPERATOR_PASSWORD = "operator-password";
    /** JobRunr's poll and heartbeat interval here; a prompt cancellation must beat it clearly. */
    private static final Duration PROMPT = Duration.ofSeconds(3);

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;
    @TempDir
    Path dir;
    WebTestClient client;

    @BeforeEach
    void setUp() {
        TestUsers.ensure(dataSource);
        TestUsers.putOperator(dataSource, OPERATOR, OPERATOR_PASSWORD);
        client = LocalClient.on(port, Duration.ofSeconds(30));
    }

    @AfterEach
    void stopLeftovers() {
        as(OPERATOR, OPERATOR_PASSWORD, client.post().uri("/experiments/stop-all")).exchange();
        // their rollbacks write into the temp directory: let them end before JUnit deletes it
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                (List<Map<String, Object>>) as(OPERATOR, OPERATOR_PASSWORD, client.get().uri("/experiments?size=200"))
                        .exchange().expectBody(JSON_MAP).returnResult().getResponseBody().get("items"))
                .extracting(run -> run.get("status")).doesNotContain("queued", "running"));
    }

    @Test
    void cancelWhenRunningThenInterruptedPromptlyAndRollbacksRan() {
        Path rollbackMarker = dir.resolve("rolled-back");
        String runId = submit(sleepingWithRollback("cancel me", 30, rollbackMarker, null));
        awaitStatus(runId, "running", Duration.ofSeconds(10));

        TestUsers.authorized(client.post().uri("/experiments/" + runId + "/cancel")).exchange()
                .expectStatus().isAccepted();

        awaitStatus(runId, "interrupted", PROMPT);
        Map<String, Object> journal = journal(runId);
        assertThat(journal).containsEntry("status", "interrupted");
        assertThat((List<Map<String, Object>>) journal.get("rollbacks"))
                .singleElement().satisfies(r -> assertThat(r.get("status")).isEqualTo("succeeded"));
        assertThat(rollbackMarker).exists();
    }

    @Test
    void cancelWhenRollbackStrategyNeverThenNoRollback() {
        Path rollbackMarker = dir.resolve("rolled-back");
        String runId = submit(sleepingWithRollback("never roll back", 30, rollbackMarker, "never"));
        awaitStatus(runId, "running", Duration.ofSeconds(10));

        TestUsers.authorized(client.post().uri("/experiments/" + runId + "/cancel")).exchange()
                .expectStatus().isAccepted();

        awaitStatus(runId, "interrupted", PROMPT);
        assertThat((List<?>) journal(runId).get("rollbacks")).isEmpty();
        assertThat(rollbackMarker).doesNotExist();
    }

    @Test
    void cancelWhenQueuedThenItNeverStarts() throws Exception {
        // both workers busy, so the third run stays queued
        String first = submit(sleepingWithRollback("busy 1", 30, dir.resolve("r1"), null));
        String second = submit(sleepingWithRollback("busy 2", 30, dir.resolve("r2"), null));
        awaitStatus(first, "running", Duration.ofSeconds(10));
        awaitStatus(second, "running", Duration.ofSeconds(10));
        Path methodMarker = dir.resolve("queued-method-ran");
        String queued = submit("""
                {"title": "waits its turn", "description": "cancelled before it starts",
                 "method": [{"type": "action", "name": "mark", "provider": {"type": "process", "path": "touch", "arguments": ["%s"]}}]}
                """.formatted(methodMarker));
        assertThat(run(queued)).containsEntry("status", "queued");

        TestUsers.authorized(client.post().uri("/experiments/" + queued + "/cancel")).exchange()
                .expectStatus().isAccepted();
        assertThat(run(queued)).containsEntry("status", "interrupted");
        assertThat((String) run(queued).get("status_reason")).contains("before it started");

        // free the workers: the cancelled run must still never start
        TestUsers.authorized(client.post().uri("/experiments/" + first + "/cancel")).exchange().expectStatus().isAccepted();
        TestUsers.authorized(client.post().uri("/experiments/" + second + "/cancel")).exchange().expectStatus().isAccepted();
        awaitStatus(first, "interrupted", PROMPT);
        awaitStatus(second, "interrupted", PROMPT);
        String later = submit("""
                {"title": "after the cancelled one", "description": "proves the workers are free",
                 "method": [{"type": "action", "name": "noop", "provider": {"type": "process", "path": "true"}}]}
                """);
        awaitStatus(later, "completed", Duration.ofSeconds(10));
        assertThat(methodMarker).doesNotExist();
        assertThat(run(queued)).containsEntry("status", "interrupted").doesNotContainKey("started_at");
    }

    @Test
    void cancelWhenRunOfAnotherUserThenNotFoundAndItKeepsRunning() {
        String runId = submit(sleepingWithRollback("not yours", 30, dir.resolve("r"), null));
        awaitStatus(runId, "running", Duration.ofSeconds(10));

        Map<String, Object> answer = as(TestUsers.OTHER_USER, TestUsers.OTHER_PASSWORD,
                client.post().uri("/experiments/" + runId + "/cancel")).exchange()
                .expectStatus().isNotFound().expectBody(JSON_MAP).returnResult().getResponseBody();

        assertThat(answer).containsEntry("status_code", 404);
        assertThat(run(runId)).containsEntry("status", "running");
    }

    @Test
    void stopAllWhenCallerIsNoOperatorThenForbiddenWithEnvelope() {
        Map<String, Object> answer = TestUsers.authorized(client.post().uri("/experiments/stop-all")).exchange()
                .expectStatus().isForbidden().expectBody(JSON_MAP).returnResult().getResponseBody();

        assertThat(answer).containsEntry("status_code", 403);
        assertThat((String) answer.get("info")).contains("OPERATOR");
    }

    @Test
    void stopAllWhenOperatorThenEveryRunOfEveryUserInterruptedWithRollbacks() {
        Path demoMarker = dir.resolve("demo-rolled-back");
        Path otherMarker = dir.resolve("other-rolled-back");
        String demoRun = submit(sleepingWithRollback("demo's", 30, demoMarker, null));
        String otherRun = (String) as(TestUsers.OTHER_USER, TestUsers.OTHER_PASSWORD,
                client.post().uri("/execute_experiment").contentType(MediaType.APPLICATION_JSON))
                .bodyValue(sleepingWithRollback("other's", 30, otherMarker, null)).exchange()
                .expectStatus().isAccepted().expectBody(JSON_MAP).returnResult().getResponseBody().get("run_id");
        awaitStatus(demoRun, "running", Duration.ofSeconds(10));

        Map<String, Object> answer = as(OPERATOR, OPERATOR_PASSWORD, client.post().uri("/experiments/stop-all"))
                .exchange().expectStatus().isOk().expectBody(JSON_MAP).returnResult().getResponseBody();

        assertThat(answer).containsEntry("status_code", 200);
        awaitStatus(demoRun, "interrupted", PROMPT);
        await().atMost(PROMPT).untilAsserted(() -> assertThat(as(TestUsers.OTHER_USER, TestUsers.OTHER_PASSWORD,
                client.get().uri("/experiments/" + otherRun)).exchange().expectBody(JSON_MAP).returnResult()
                .getResponseBody()).containsEntry("status", "interrupted"));
        assertThat(demoMarker).exists();
        assertThat(otherMarker).exists();
    }

    private static String sleepingWithRollback(String title, int seconds, Path rollbackMarker, String strategy) {
        String runtime = strategy == null ? "" : ", \"runtime\": {\"rollbacks\": {\"strategy\": \"" + strategy + "\"}}";
        return """
                {"title": "%s", "description": "a long action with a rollback"%s,
                 "method": [{"type": "action", "name": "sleep", "provider": {"type": "process", "path": "sleep", "arguments": "%d"}}],
                 "rollbacks": [{"type": "action", "name": "mark rollback", "provider": {"type": "process", "path": "touch", "arguments": ["%s"]}}]}
                """.formatted(title, runtime, seconds, rollbackMarker);
    }

    private String submit(String experiment) {
        return (String) TestUsers.authorized(client.post().uri("/execute_experiment").contentType(MediaType.APPLICATION_JSON))
                .bodyValue(experiment).exchange()
                .expectStatus().isAccepted().expectBody(JSON_MAP).returnResult().getResponseBody().get("run_id");
    }

    private void awaitStatus(String runId, String status, Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> assertThat(run(runId)).containsEntry("status", status));
    }

    private Map<String, Object> run(String runId) {
        return TestUsers.authorized(client.get().uri("/experiments/" + runId)).exchange()
                .expectStatus().isOk().expectBody(JSON_MAP).returnResult().getResponseBody();
    }

    private Map<String, Object> journal(String runId) {
        return TestUsers.authorized(client.get().uri("/experiments/" + runId + "/journal")).exchange()
                .expectStatus().isOk().expectBody(JSON_MAP).returnResult().getResponseBody();
    }

    private static <S extends WebTestClient.RequestHeadersSpec<?>> S as(String user, String password, S spec) {
        spec.header("dbUsername", TestUsers.DB_USER).header("dbPassword", TestUsers.DB_PASSWORD)
                .header("username", user).header("password", password);
        return spec;
    }
}
