package io.github.dqualizer.ctk.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cmsbtarget.CmsbTarget;
import cmsbtarget.RiskService;
import io.github.dqualizer.ctk.support.ExampleExperiments;
import io.github.dqualizer.ctk.support.ExternalService;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of the service process while dqualizer's late-responses experiment has Chaos Monkey
 * enabled on a real target: the next instance on the same database marks the run interrupted,
 * plays its rollback (Chaos Monkey off again) and never re-runs its method. The restarted instance
 * sees that the dead one's process is gone ({@code LocalProcess}): with a 600 s poll its JobRunr heartbeat
 * would look fresh for 40 minutes, so no recovery by heartbeat can happen within the test.
 */
class KillDuringChaosMonkeyRunTest {

    private static final String ENABLED = "\"enabled\":true";
    private static final String DISABLED = "\"enabled\":false";

    @TempDir
    Path dir;
    private CmsbTarget target;

    @BeforeEach
    void startTarget() {
        target = CmsbTarget.start();
        target.reset();
    }

    @AfterEach
    void stopTarget() {
        target.close();
    }

    @Test
    void runWhenServiceKilledThenInterruptedAndRolledBackAfterRestart() {
        Map<String, String> properties = Map.of(
                "spring.datasource.url", "jdbc:h2:file:" + dir.resolve("ctk").toAbsolutePath()
                        + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0",
                "ctk.jobs.recovery-interval", "1s",
                "ctk.jobs.recovery-initial-delay", "0s",
                // the dead server's heartbeat looks fresh for 4 polls = 40 minutes after the kill: within this test
                // only the check of its OS process can tell that it is dead (runs start at once without a poll)
                "jobrunr.background-job-server.poll-interval-in-seconds", "600");
        String runId;
        long killedAt;
        try (ExternalService first = ExternalService.start(properties, Reliability.log("kill-first"))) {
            ExternalService.Response accepted = first.submit(ExampleExperiments.json(lateResponsesStuckAfterEnabling()));
            assertThat(accepted.statusCode()).as("%s", accepted.body()).isEqualTo(202);
            runId = (String) accepted.body().get("run_id");
            await().atMost(Duration.ofSeconds(30)).until(() -> target.status().body().contains(ENABLED));
            assertThat(first.run(runId)).containsEntry("status", "running");

            first.kill();
            killedAt = System.nanoTime();
        }
        assertThat(target.status().body()).as("the monkey stays enabled while no instance runs").contains(ENABLED);

        try (ExternalService second = ExternalService.start(properties, Reliability.log("kill-second"))) {
            long readyAt = System.nanoTime();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                    assertThat(second.run(runId)).containsEntry("status", "interrupted"));
            long recoveredAt = System.nanoTime();
            Reliability.report("kill -9: restart took %d ms; interrupted and rolled back %d ms after the new instance was ready (%d ms after the kill)",
                    (readyAt - killedAt) / 1_000_000, (recoveredAt - readyAt) / 1_000_000, (recoveredAt - killedAt) / 1_000_000);

            assertThat((String) second.run(runId).get("status_reason"))
                    .contains("stopped unexpectedly").contains("not re-run").contains("rollbacks were played");
            Map<String, Object> journal = second.journal(runId);
            assertThat(journal).containsEntry("status", "interrupted");
            assertThat((List<?>) journal.get("run")).as("the method is not re-run").isEmpty();
            assertThat((List<Map<String, Object>>) journal.get("rollbacks")).singleElement().satisfies(rollback -> {
                assertThat(rollback.get("status")).isEqualTo("succeeded");
                assertThat(String.valueOf(rollback.get("output"))).contains(DISABLED);
            });
            assertThat(target.status().body()).contains(DISABLED);
            // had the method run again, its first action would switch the monkey back on
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                    .until(() -> target.status().body().contains(DISABLED));
        }
    }

    /** dqualizer's experiment aimed at the target, pausing 10 minutes after enabling; the rollback has no pauses. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> lateResponsesStuckAfterEnabling() {
        Map<String, Object> experiment = ExampleExperiments.load("dqualizer-late-responses.json");
        ExampleExperiments.rewrite(experiment, "base_url", (k, v) -> target.actuatorUrl());
        ExampleExperiments.rewrite(experiment, "watchedCustomServices", (k, v) -> List.of(RiskService.WATCHED_METHOD));
        ExampleExperiments.shortenPauses(experiment, 0);
        List<Map<String, Object>> method = (List<Map<String, Object>>) experiment.get("method");
        method.get(0).put("pauses", new LinkedHashMap<>(Map.of("before", 0, "after", 600)));
        return experiment;
    }
}
