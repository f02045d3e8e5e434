package io.github.dqualizer.ctk.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import io.github.dqualizer.ctk.support.LocalClient;

import io.github.dqualizer.ctk.jobs.store.ExperimentRunRepository;
import io.github.dqualizer.ctk.support.Experiments;
import io.github.dqualizer.ctk.support.TestUsers;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
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
 * End-to-end behaviour of the HTTP API against the running application and a real database;
 * subclasses choose the database (embedded H2, MySQL/MariaDB).
 */
abstract class ExecuteExperimentContract {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON_MAP = new ParameterizedTypeReference<>() {
    };

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;
    @Autowired
    ExperimentRunRepository runs;

    WebTestClient client;

    @BeforeEach
    void setUp() {
        TestUsers.ensure(dataSource);
        client = LocalClient.on(port, Duration.ofSeconds(30));
    }

    @Test
    void executeWhenFireAndForgetThenAcceptedAndRunCompletes() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> body = post("/execute_experiment", Experiments.withSteadyState("fire and forget"))
                .expectStatus().isAccepted()
                .expectHeader().value("Location", location -> assertThat(location).startsWith("/experiments/"))
                .expectBody(JSON_MAP).returnResult().getResponseBody();

        assertThat(body).containsEntry("status_code", 202)
                .containsEntry("status", "Experiment was accepted and queued.")
                .containsEntry("title", "fire and forget")
                .containsKey("info");
        String runId = (String) body.get("run_id");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(get("/experiments/" + runId)).containsEntry("status", "completed"));
        Map<String, Object> run = get("/experiments/" + runId);
        assertThat(run).containsEntry("deviated", false).containsKey("started_at").containsKey("ended_at");
        // the three times are written by different code (JPA insert, JDBC updates): all on one clock, in UTC
        Instant submitted = Instant.parse((String) run.get("submitted_at"));
        Instant started = Instant.parse((String) run.get("started_at"));
        Instant ended = Instant.parse((String) run.get("ended_at"));
        assertThat(submitted).isBetween(before, Instant.now());
        assertThat(started).isBetween(submitted.truncatedTo(ChronoUnit.SECONDS), ended);
        assertThat(ended).isBeforeOrEqualTo(Instant.now());
        assertThat((Map<String, Object>) run.get("outcome")).containsEntry("status_code", 200);
    }

    @Test
    void executeWhenWaitModeAndRunCompletesThen200WithJournalStatus() {
        Map<String, Object> body = post("/execute_experiment?wait=true", Experiments.withSteadyState("waited for"))
                .expectStatus().isOk()
                .expectBody(JSON_MAP).returnResult().getResponseBody();

        assertThat(body).containsEntry("status_code", 200)
                .containsEntry("status", "Experiment was executed and terminated with status: completed.")
                .containsEntry("journal_status", "completed")
                .containsEntry("deviated", false)
                .containsKey("run_id");
    }

    @Test
    void executeWhenWaitModeAndHypothesisProbeTimesOutThen500Failed() {
        Map<String, Object> body = post("/execute_experiment?wait=true", Experiments.hypothesisProbeTimesOut())
                .expectStatus().isEqualTo(500)
                .expectBody(JSON_MAP).returnResult().getResponseBody();

        assertThat(body).containsEntry("status_code", 500)
                .containsEntry("status", "Experiment was executed and terminated with status: failed.")
                .containsEntry("journal_status", "failed");
        Map<String, Object> journal = get("/experiments/" + body.get("run_id") + "/journal");
        assertThat(journal).containsEntry("status", "failed");
        Map<String, Object> before = (Map<String, Object>) ((Map<String, Object>) journal.get("steady_states")).get("before");
        assertThat(before).containsEntry("steady_state_met", false);
    }

    @Test
    void executeWhenWaitTimesOutThenAccepted() {
        post("/execute_experiment?wait=true&timeout=1", Experiments.sleeping(3))
                .expectStatus().isAccepted()
                .expectBody().jsonPath("$.status_code").isEqualTo(202);
    }

    @Test
    void journalWhenRunEndedThenCtkShapedJournal() {
        String runId = runToEnd(Experiments.withSteadyState("journal shape"));
        Map<String, Object> journal = get("/experiments/" + runId + "/journal");

        assertThat(journal.keySet()).containsSubsequence("chaoslib-version", "platform", "node", "experiment",
                "start", "status", "deviated", "steady_states", "run", "rollbacks", "end", "duration");
        assertThat((List<?>) journal.get("run")).hasSize(1);
        assertThat((List<?>) journal.get("rollbacks")).hasSize(1);
    }

    @Test
    void executeWhenPasswordWrongThenUnauthorizedAndNothingStored() {
        long before = runs.count();
        client.post().uri("/execute_experiment").contentType(MediaType.APPLICATION_JSON)
                .header("dbUsername", TestUsers.DB_USER).header("dbPassword", TestUsers.DB_PASSWORD)
                .header("username", TestUsers.DEMO_USER).header("password", "wrong")
                .bodyValue(Experiments.trivial()).exchange()
                .expectStatus().isUnauthorized()
                .expectBody(JSON_MAP).isEqualTo(Map.of("status_code", 401, "status", "Authentication failed.", "info", ""));
        assertThat(runs.count()).isEqualTo(before);
    }

    @Test
    void executeWhenDatabasePasswordWrongThenUnauthorized() {
        client.post().uri("/execute_experiment").contentType(MediaType.APPLICATION_JSON)
                .header("dbUsername", TestUsers.DB_USER).header("dbPassword", "not-the-db-password")
                .header("username", TestUsers.DEMO_USER).header("password", TestUsers.DEMO_PASSWORD)
                .bodyValue(Experiments.trivial()).exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.status_code").isEqualTo(401)
                .jsonPath("$.status").isEqualTo("Authentication failed.");
    }

    @Test
    void executeWhenHeadersMissingThenUnauthorized() {
        client.post().uri("/execute_experiment").contentType(MediaType.APPLICATION_JSON)
                .header("username", TestUsers.DEMO_USER)
                .bodyValue(Experiments.trivial()).exchange()
                .expectStatus().isUnauthorized()
                .expectBody(JSON_MAP).isEqualTo(Map.of("status_code", 401, "status", "Authentication failed.",
                        "info", "missing header(s): dbUsername, dbPassword, password"));
    }

    @Test
    void executeWhenExperimentInvalidThen400ListingEveryProblemAndNothingStored() {
        long before = runs.count();
        Map<String, Object> body = post("/execute_experiment",
                "{\"method\": [{\"type\": \"sideways\", \"provider\": {\"type\": \"process\", \"path\": \"true\"}}]}")
                .expectStatus().isBadRequest()
                .expectBody(JSON_MAP).returnResult().getResponseBody();

        assertThat(body).containsEntry("status_code", 400).containsEntry("status", "No valid experiment found.");
        assertThat(String.valueOf(body.get("info"))).contains("title").contains("description").contains("sideways");
        assertThat(runs.count()).isEqualTo(before);
    }

    @Test
    void executeWhenJsonMalformedThen400() {
        long before = runs.count();
        post("/execute_experiment", "{\"title\": \"broken\", ")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.status_code").isEqualTo(400)
                .jsonPath("$.status").isEqualTo("No valid experiment found.")
                .jsonPath("$.info").isNotEmpty();
        assertThat(runs.count()).isEqualTo(before);
    }

    @Test
    void executeWhenContentTypeUnsupportedThen415() {
        authorized(client.post().uri("/execute_experiment").contentType(MediaType.TEXT_PLAIN))
                .bodyValue(Experiments.trivial()).exchange()
                .expectStatus().isEqualTo(415)
                .expectBody().jsonPath("$.status_code").isEqualTo(415);
    }

    @Test
    void executeWhenBodyTooLargeThen413() {
        String huge = "{\"title\": \"" + "x".repeat(1_100_000) + "\"}";
        post("/execute_experiment", huge)
                .expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.status_code").isEqualTo(413);
    }

    @Test
    void runWhenOwnedByAnotherUserThen404() {
        String runId = runToEnd(Experiments.trivial());
        client.get().uri("/experiments/" + runId)
                .header("dbUsername", TestUsers.DB_USER).header("dbPassword", TestUsers.DB_PASSWORD)
                .header("username", TestUsers.OTHER_USER).header("password", TestUsers.OTHER_PASSWORD)
                .exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.status_code").isEqualTo(404);
    }

    @Test
    void listWhenRunsExistThenNewestFirst() {
        String first = runToEnd(Experiments.trivial());
        String second = runToEnd(Experiments.trivial());
        Map<String, Object> page = get("/experiments?size=2");
        List<Map<String, Object>> items = (List<Map<String, Object>>) page.get("items");
        assertThat(items).extracting(item -> item.get("run_id")).containsExactly(second, first);
    }

    @Test
    void healthWhenNoCredentialsThenUp() {
        client.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    String runToEnd(String experiment) {
        Map<String, Object> body = post("/execute_experiment?wait=true", experiment)
                .expectBody(JSON_MAP).returnResult().getResponseBody();
        return (String) body.get("run_id");
    }

    WebTestClient.ResponseSpec post(String uri, String json) {
        return authorized(client.post().uri(uri).contentType(MediaType.APPLICATION_JSON)).bodyValue(json).exchange();
    }

    Map<String, Object> get(String uri) {
        return authorized(client.get().uri(uri)).exchange()
                .expectStatus().isOk()
                .expectBody(JSON_MAP).returnResult().getResponseBody();
    }

    <S extends WebTestClient.RequestHeadersSpec<?>> S authorized(S spec) {
        return TestUsers.authorized(spec);
    }
}
