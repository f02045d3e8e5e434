package io.github.dqualizer.ctk.providers.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import io.github.dqualizer.ctk.support.LocalClient;

import io.github.dqualizer.ctk.influx.RecordingInfluxServer;
import io.github.dqualizer.ctk.support.ExampleExperiments;
import io.github.dqualizer.ctk.support.TestUsers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * dqualizer's process-unavailability experiment through the API, against a real {@code java -jar}
 * target and a restarter that brings it back 1.0 s after it is killed. No InfluxDB server can run
 * here: a loopback HTTP server records what arrives at {@code /api/v2/write} instead.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:ctk-host-e2e;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
        "ctk.dashboard.enabled=false",
        "ctk.secrets.key-file=target/test-secrets.key",
        "ctk.influx.enabled=true", "ctk.influx.token=specialToken000", "ctk.influx.org=my-org", "ctk.influx.bucket=my-bucket"})
class ProcessUnavailabilityEndToEndTest {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON_MAP = new ParameterizedTypeReference<>() {
    };
    private static final RecordingInfluxServer INFLUX = new RecordingInfluxServer();

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;
    DummyProcesses processes;

    @DynamicPropertySource
    static void influx(DynamicPropertyRegistry registry) {
        registry.add("ctk.influx.url", INFLUX::url);
    }

    @AfterAll
    static void stopInflux() {
        INFLUX.close();
    }

    @BeforeEach
    void setUp() {
        TestUsers.ensure(dataSource);
        processes = new DummyProcesses();
    }

    @AfterEach
    void tearDown() {
        processes.close();
    }

    @Test
    void processUnavailabilityWhenTargetIsKilledAndRestartedThenRecoveryTimeIsMeasuredAndReported() throws Exception {
        String processName = processes.jarName.replace(".jar", "");
        Process target = processes.startJar();
        AtomicLong killedAt = new AtomicLong();
        Thread restarter = restartAfterOneSecond(target, killedAt);

        Map<String, Object> experiment = ExampleExperiments.load("dqualizer-process-unavailability.json");
        ExampleExperiments.rewrite(experiment, "process_name", (k, v) -> processName);
        ExampleExperiments.rewrite(experiment, "path", (k, v) -> processes.jar().toString());
        ExampleExperiments.shortenPauses(experiment, 0);
        await().atMost(Duration.ofSeconds(10)).until(() -> isListed(processName));

        Map<String, Object> answer = TestUsers.authorized(client().post().uri("/execute_experiment?wait=true")
                        .contentType(MediaType.APPLICATION_JSON))
                .bodyValue(ExampleExperiments.json(experiment)).exchange()
                .expectBody(JSON_MAP).returnResult().getResponseBody();
        restarter.join(10_000);

        assertThat(answer).containsEntry("status_code", 200).containsEntry("deviated", false);
        Map<String, Object> journal = TestUsers.authorized(client().get().uri("/experiments/" + answer.get("run_id") + "/journal"))
                .exchange().expectBody(JSON_MAP).returnResult().getResponseBody();
        List<Map<String, Object>> run = (List<Map<String, Object>>) journal.get("run");
        assertThat(run.get(0)).containsEntry("status", "succeeded").containsEntry("output", true);
        double recoveryMs = ((Number) run.get(1).get("output")).doubleValue();
        assertThat(recoveryMs).isBetween(950.0, 1300.0);
        assertThat((List<?>) journal.get("rollbacks")).as("deviated strategy: no deviation, no rollback").isEmpty();

        // dqualizer's experiment expects 500 ms; the target was down for about 1 s: judged not met, everywhere
        Map<String, Object> judged = Map.of("expected_recovery_time_ms", 500, "actual_recovery_time_ms", recoveryMs, "met", false);
        assertThat(answer).containsEntry("response_measures", judged);
        Map<String, Object> view = TestUsers.authorized(client().get().uri("/experiments/" + answer.get("run_id")))
                .exchange().expectBody(JSON_MAP).returnResult().getResponseBody();
        assertThat(view).containsEntry("response_measures", judged);
        assertThat((Map<String, Object>) view.get("outcome")).containsEntry("response_measures", judged);

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(INFLUX.lines())
                .anyMatch(line -> line.startsWith("expected_response_measure expected_recovery_time=500i"))
                .anyMatch(line -> line.startsWith("process_running,process_name=" + processName + " is_running=true"))
                .anyMatch(line -> line.startsWith("actual_response_measure actual_recovery_time=")
                        && Math.abs(fieldValue(line, "actual_recovery_time") - recoveryMs) < 0.01));
        assertThat(String.join("\n", INFLUX.lines())).doesNotContain("demo").doesNotContain("aDBPw");
    }

    private static double fieldValue(String line, String field) {
        String rest = line.substring(line.indexOf(field + "=") + field.length() + 1);
        return Double.parseDouble(rest.split("[ ,]")[0].replaceAll("i$", ""));
    }

    /** Waits until the target dies, then starts it again exactly 1.0 s later. */
    private Thread restartAfterOneSecond(Process target, AtomicLong killedAt) {
        Thread restarter = new Thread(() -> {
            try {
                target.onExit().get();
                killedAt.set(System.nanoTime());
                Thread.sleep(1000);
                processes.startJar();
            } catch (Exception e) {
                Thread.currentThread().interrupt();
            }
        }, "restarter");
        restarter.setDaemon(true);
        restarter.start();
        return restarter;
    }

    private static boolean isListed(String processName) {
        return ProcessHandle.allProcesses().anyMatch(p -> p.info().commandLine().orElse("").contains(processName));
    }

    private WebTestClient client() {
        return LocalClient.on(port, Duration.ofSeconds(60));
    }
}
