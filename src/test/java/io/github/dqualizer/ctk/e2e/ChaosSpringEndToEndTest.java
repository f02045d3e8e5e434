package io.github.dqualizer.ctk.e2e;

import io.github.dqualizer.ctk.support.LocalClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cmsbtarget.CmsbTarget;
import cmsbtarget.RiskService;
import io.github.dqualizer.ctk.support.ExampleExperiments;
import io.github.dqualizer.ctk.support.TestUsers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * dqualizer's late-responses and failed-requests experiments, unchanged except for the target URL,
 * the watched method and shorter pauses, run through the API against a real Spring Boot app with
 * Chaos Monkey for Spring Boot 4.0.0 — and their effect on the target is observed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:ctk-api;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
        "ctk.dashboard.enabled=false",
        "ctk.secrets.key-file=target/test-secrets.key"})
class ChaosSpringEndToEndTest {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON_MAP = new ParameterizedTypeReference<>() {
    };
    private static CmsbTarget target;

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;
    WebTestClient client;

    @BeforeAll
    static void startTarget() {
        target = CmsbTarget.start();
    }

    @AfterAll
    static void stopTarget() {
        target.close();
    }

    @BeforeEach
    void setUp() {
        target.reset();
        TestUsers.ensure(dataSource);
        client = LocalClient.on(port, Duration.ofSeconds(60));
    }

    @Test
    void lateResponsesWhenRunInWaitModeThenCompletedWithEveryOutputAndMonkeyDisabledAfterwards() {
        Map<String, Object> body = submit(experiment("dqualizer-late-responses.json", 0.2), true);

        assertThat(body).containsEntry("status_code", 200).containsEntry("journal_status", "completed");
        Map<String, Object> journal = journal((String) body.get("run_id"));
        List<Map<String, Object>> run = (List<Map<String, Object>>) journal.get("run");
        assertThat(run).extracting(r -> r.get("status")).containsExactly("succeeded", "succeeded");
        assertThat(String.valueOf(run.get(0).get("output"))).containsIgnoringCase("enabled");
        assertThat(run.get(1).get("output")).isEqualTo("Assault config has changed");
        List<Map<String, Object>> rollbacks = (List<Map<String, Object>>) journal.get("rollbacks");
        assertThat(rollbacks).singleElement().satisfies(r -> assertThat(r.get("status")).isEqualTo("succeeded"));
        assertThat(target.status().body()).contains("\"enabled\":false");
    }

    @Test
    void lateResponsesWhenRunningThenWatchedMethodIsSlowUntilTheRollback() {
        String runId = (String) submit(experiment("dqualizer-late-responses.json", 4), false).get("run_id");

        await().atMost(Duration.ofSeconds(20)).until(() -> target.status().body().contains("\"enabled\":true")
                && target.riskService() != null && timed(() -> target.callRisk()) >= 100);
        long attacked = timed(() -> target.callRisk());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(run(runId)).containsEntry("status", "completed"));
        long healthy = timed(() -> target.callRisk());

        // dqualizer's example: latency range 100–500 ms
        assertThat(attacked).isGreaterThanOrEqualTo(100);
        assertThat(healthy).isLessThan(100);
        assertThat(target.status().body()).contains("\"enabled\":false");
    }

    @Test
    void failedRequestsWhenRunningThenWatchedMethodThrowsUntilTheRollback() {
        Map<String, Object> experiment = experiment("dqualizer-failed-requests.json", 4);
        ExampleExperiments.rewrite(experiment, "level", (k, v) -> 1);
        String runId = (String) submit(experiment, false).get("run_id");

        await().atMost(Duration.ofSeconds(20)).until(() -> target.callRisk().statusCode() == 500);
        assertThat(target.callRisk().body()).contains("Chaos Monkey - RuntimeException");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(run(runId)).containsEntry("status", "completed"));

        assertThat(target.callRisk().statusCode()).isEqualTo(200);
        assertThat(target.status().body()).contains("\"enabled\":false");
    }

    private Map<String, Object> experiment(String example, double pauseSeconds) {
        Map<String, Object> experiment = ExampleExperiments.load(example);
        ExampleExperiments.rewrite(experiment, "base_url", (k, v) -> target.actuatorUrl());
        ExampleExperiments.rewrite(experiment, "watchedCustomServices", (k, v) -> List.of(RiskService.WATCHED_METHOD));
        ExampleExperiments.shortenPauses(experiment, pauseSeconds);
        return experiment;
    }

    private Map<String, Object> submit(Map<String, Object> experiment, boolean wait) {
        return TestUsers.authorized(client.post().uri("/execute_experiment?wait=" + wait)
                        .contentType(MediaType.APPLICATION_JSON))
                .bodyValue(ExampleExperiments.json(experiment)).exchange()
                .expectBody(JSON_MAP).returnResult().getResponseBody();
    }

    private Map<String, Object> run(String runId) {
        return get("/experiments/" + runId);
    }

    private Map<String, Object> journal(String runId) {
        return get("/experiments/" + runId + "/journal");
    }

    private Map<String, Object> get(String uri) {
        return TestUsers.authorized(client.get().uri(uri)).exchange()
                .expectStatus().isOk().expectBody(JSON_MAP).returnResult().getResponseBody();
    }

    private static long timed(Runnable call) {
        long start = System.nanoTime();
        call.run();
        return (System.nanoTime() - start) / 1_000_000;
    }
}
