package io.github.dqualizer.ctk.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.dqualizer.ctk.support.ServiceInstance;
import io.github.dqualizer.ctk.support.TestUsers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A run left {@code running} by an instance that died is never re-run: a live instance marks it
 * interrupted and plays its rollbacks. The dead instance is simulated by a run row whose node is a
 * server id that never sent a heartbeat (the real kill -9 is in the reliability suite).
 */
class CrashRecoveryTest {

    @TempDir
    Path dir;

    @Test
    void runWhenItsInstanceDiedThenInterruptedWithRollbacksPlayedAndNotRerun() throws Exception {
        Path methodMarker = dir.resolve("method-ran");
        Path rollbackMarker = dir.resolve("rollback-ran");
        String experiment = """
                {"title": "orphaned", "description": "its instance died",
                 "method": [{"type": "action", "name": "mark method", "provider": {"type": "process", "path": "touch", "arguments": ["%s"]}}],
                 "rollbacks": [{"type": "action", "name": "mark rollback", "provider": {"type": "process", "path": "touch", "arguments": ["%s"]}}]}
                """.formatted(methodMarker, rollbackMarker);
        Map<String, String> database = Map.of("spring.datasource.url", "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath()
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE",
                "ctk.jobs.recovery-interval", "1s", "ctk.jobs.recovery-initial-delay", "1s");
        String runId;
        Map<String, String> noWorkers = new HashMap<>(database);
        noWorkers.put("jobrunr.background-job-server.enabled", "false");
        try (ServiceInstance dead = ServiceInstance.start(noWorkers)) {
            TestUsers.ensure(dead.bean(DataSource.class));
            runId = (String) dead.submit(experiment).get("run_id");
            // as if an instance had claimed it and then died (kill -9): running, on a node with no heartbeat
            new JdbcTemplate(dead.bean(DataSource.class)).update(
                    "UPDATE experiment_runs SET status = 'RUNNING', node = '00000000-0000-0000-0000-00000000dead' WHERE id = ?",
                    runId);
        }

        try (ServiceInstance survivor = ServiceInstance.start(database)) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(survivor.run(runId)).containsEntry("status", "interrupted"));
            Map<String, Object> run = survivor.run(runId);
            assertThat((String) run.get("status_reason")).contains("stopped unexpectedly").contains("not re-run");
            Map<String, Object> journal = survivor.journal(runId);
            assertThat((List<?>) journal.get("run")).isEmpty();
            assertThat((List<?>) journal.get("rollbacks")).hasSize(1);
        }
        assertThat(rollbackMarker).exists();
        assertThat(Files.exists(methodMarker)).as("the method is never re-run").isFalse();
    }

    /**
     * The race behind a CI failure: crash recovery claims a dead instance's run for this node (still running, its
     * rollbacks about to play) and then this instance's worker takes the run's job. The job must not mistake the run
     * for one it had claimed itself before an outage: its method never runs again.
     */
    @Test
    void jobWhenItsRunIsRecoveredOnThisInstanceThenMethodNotRunAgain() throws Exception {
        Path methodMarker = dir.resolve("method-ran-again");
        String experiment = """
                {"title": "recovered here", "description": "its instance died",
                 "method": [{"type": "action", "name": "mark method", "provider": {"type": "process", "path": "touch", "arguments": ["%s"]}}]}
                """.formatted(methodMarker);
        Map<String, String> properties = Map.of("spring.datasource.url", "jdbc:h2:file:" + dir.resolve("db2").toAbsolutePath()
                        + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE",
                "jobrunr.background-job-server.enabled", "false");
        try (ServiceInstance instance = ServiceInstance.start(properties)) {
            TestUsers.ensure(instance.bean(DataSource.class));
            String runId = (String) instance.submit(experiment).get("run_id");
            // as claimRecovery leaves it: running, started a minute ago by the dead instance, now this node's
            new JdbcTemplate(instance.bean(DataSource.class)).update(
                    "UPDATE experiment_runs SET status = 'RUNNING', node = ?, started_at = ?, status_reason = 'recovering'"
                            + " WHERE id = ?",
                    instance.bean(io.github.dqualizer.ctk.jobs.cluster.InstanceIdentity.class).name(),
                    java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(60)), runId);

            instance.bean(ExperimentJob.class).execute(runId);

            assertThat(Files.exists(methodMarker)).as("the method is never re-run").isFalse();
            assertThat(instance.run(runId)).containsEntry("status", "running");
        }
    }
}
