package io.github.dqualizer.ctk.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import io.github.dqualizer.ctk.support.LocalClient;

import io.github.dqualizer.ctk.support.Experiments;
import io.github.dqualizer.ctk.support.TestUsers;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The service's Micrometer meters after real runs and rejected logins, read from the registry and the actuator. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:ctk-metrics;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
        "ctk.dashboard.enabled=false",
        // the actuator's metrics on the API port need the dashboard account (ADR 0005)
        "ctk.dashboard.username=" + RunMetricsTest.OPERATOR,
        "ctk.dashboard.password=" + RunMetricsTest.OPERATOR_PASSWORD,
        "ctk.auth.throttle.max-failures-per-user=2",
        "ctk.secrets.key-file=target/test-secrets.key"})
class RunMetricsTest {

    static final String OPERATOR = "metrics-operator";
    static final String OPERATOR_PASSWORD = "metrics-Pw-1";

    private static final ParameterizedTypeReference<Map<String, Object>> JSON_MAP = new ParameterizedTypeReference<>() {
    };

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;
    @Autowired
    MeterRegistry registry;
    @Autowired
    ObservationRegistry observations;

    WebTestClient client;

    @BeforeEach
    void setUp() {
        TestUsers.ensure(dataSource);
        client = LocalClient.on(port, Duration.ofSeconds(30));
    }

    /** The service's own periodic tasks are not observed (their observation was most of an idle instance's scheduler CPU). */
    @Test
    void scheduledTasksThenNotObservedButOtherObservationsAre() {
        assertThat(Observation.createNotStarted("tasks.scheduled.execution", observations).isNoop()).isTrue();
        assertThat(Observation.createNotStarted("http.server.requests", observations).isNoop()).isFalse();
        assertThat(registry.find("tasks.scheduled.execution").meters()).isEmpty();
    }

    @Test
    void runsWhenCompletedAndFailedThenFinishedCounterAndTimersByStatusAndType() {
        double completed = finished("completed");
        double failed = finished("failed");
        long runsCompleted = timerCount("ctk.run.duration", "status", "completed");
        long probesSucceeded = timerCount("ctk.activity.duration", "status", "succeeded", "type", "probe");
        long actionsSucceeded = timerCount("ctk.activity.duration", "status", "succeeded", "type", "action");
        long probesFailed = timerCount("ctk.activity.duration", "status", "failed", "type", "probe");

        execute(Experiments.withSteadyState("metered"), 200);
        execute(Experiments.hypothesisProbeTimesOut(), 500);

        assertThat(finished("completed")).isEqualTo(completed + 1);
        assertThat(finished("failed")).isEqualTo(failed + 1);
        assertThat(timerCount("ctk.run.duration", "status", "completed")).isEqualTo(runsCompleted + 1);
        assertThat(timerCount("ctk.run.duration", "status", "failed")).isPositive();
        assertThat(timerCount("ctk.activity.duration", "status", "succeeded", "type", "probe")).isEqualTo(probesSucceeded + 2);
        assertThat(timerCount("ctk.activity.duration", "status", "succeeded", "type", "action")).isEqualTo(actionsSucceeded + 2);
        assertThat(timerCount("ctk.activity.duration", "status", "failed", "type", "probe")).isEqualTo(probesFailed + 1);
        Timer failedProbe = registry.get("ctk.activity.duration").tags("status", "failed", "type", "probe").timer();
        assertThat(failedProbe.max(java.util.concurrent.TimeUnit.MILLISECONDS)).isGreaterThan(250); // the 0.3 s timeout
        // low cardinality: no activity names, run ids or users in any tag
        assertThat(registry.find("ctk.activity.duration").meters()).allSatisfy(meter ->
                assertThat(meter.getId().getTags()).extracting(tag -> tag.getKey()).containsOnly("status", "type"));
    }

    @Test
    void runWhenCancelledThenCountedAsInterrupted() {
        double interrupted = finished("interrupted");
        String runId = (String) TestUsers.authorized(client.post().uri("/execute_experiment")
                        .contentType(MediaType.APPLICATION_JSON)).bodyValue(Experiments.sleeping(1)).exchange()
                .expectBody(JSON_MAP).returnResult().getResponseBody().get("run_id");
        TestUsers.authorized(client.post().uri("/experiments/" + runId + "/cancel")).exchange()
                .expectStatus().isAccepted();

        await().atMost(Duration.ofSeconds(20)).until(() -> finished("interrupted") == interrupted + 1);
    }

    @Test
    void queuedGaugeCountsQueuedRunsInTheDatabase() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        String id = UUID.randomUUID().toString();
        double before = queued();
        // a queued run nobody will start (no job): the gauge counts the table, the queue every instance shares
        jdbc.update("INSERT INTO experiment_runs (id, owner, title, status, experiment_json, submitted_at, version) "
                + "VALUES (?, 'demoUser', 'waiting', 'QUEUED', '{}', CURRENT_TIMESTAMP, 0)", id);
        try {
            await().atMost(Duration.ofSeconds(15)).until(() -> queued() == before + 1);
            Map<String, Object> metric = client.get().uri("/actuator/metrics/ctk.runs.queued")
                    .headers(headers -> headers.setBasicAuth(OPERATOR, OPERATOR_PASSWORD)).exchange()
                    .expectStatus().isOk().expectBody(JSON_MAP).returnResult().getResponseBody();
            assertThat(metric).containsEntry("name", "ctk.runs.queued");
        } finally {
            jdbc.update("DELETE FROM experiment_runs WHERE id = ?", id);
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> queued() == before);
    }

    @Test
    void loginsWhenRejectedThenAuthFailuresByReason() {
        double bad = authFailures("bad-credentials");
        double missing = authFailures("missing-headers");
        double throttled = authFailures("throttled");

        login("throttle-me", "wrong").expectStatus().isUnauthorized();
        login("throttle-me", "wrong").expectStatus().isUnauthorized();
        login("throttle-me", "wrong").expectStatus().isEqualTo(429);
        client.get().uri("/experiments").header("username", TestUsers.DEMO_USER).exchange().expectStatus().isUnauthorized();

        assertThat(authFailures("bad-credentials")).isEqualTo(bad + 2);
        assertThat(authFailures("throttled")).isEqualTo(throttled + 1);
        assertThat(authFailures("missing-headers")).isEqualTo(missing + 1);
    }

    @Test
    void prometheusWhenScrapedThenServiceMetersWithoutSecretsOrNames() {
        execute(Experiments.withSecret("prom-secret-value"), 200);

        String scrape = client.get().uri("/actuator/prometheus")
                .headers(headers -> headers.setBasicAuth(OPERATOR, OPERATOR_PASSWORD)).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();

        assertThat(scrape).contains("ctk_runs_finished_total{", "status=\"completed\"", "ctk_runs_queued",
                "ctk_run_duration_seconds_count{", "ctk_activity_duration_seconds_count{", "ctk_auth_failures_total{");
        assertThat(scrape).doesNotContain("prom-secret-value").doesNotContain("echo secret");
    }

    private void execute(String experiment, int status) {
        TestUsers.authorized(client.post().uri("/execute_experiment?wait=true").contentType(MediaType.APPLICATION_JSON))
                .bodyValue(experiment).exchange()
                .expectStatus().isEqualTo(status);
    }

    private WebTestClient.ResponseSpec login(String user, String password) {
        return client.get().uri("/experiments")
                .header("dbUsername", TestUsers.DB_USER).header("dbPassword", TestUsers.DB_PASSWORD)
                .header("username", user).header("password", password)
                .exchange();
    }

    private double finished(String status) {
        var counter = registry.find("ctk.runs.finished").tags("status", status).counter();
        return counter == null ? 0 : counter.count();
    }

    private double authFailures(String reason) {
        return registry.get("ctk.auth.failures").tags("reason", reason).counter().count();
    }

    private double queued() {
        return registry.get("ctk.runs.queued").gauge().value();
    }

    private long timerCount(String name, String... tags) {
        Timer timer = registry.find(name).tags(tags).timer();
        return timer == null ? 0 : timer.count();
    }

}
