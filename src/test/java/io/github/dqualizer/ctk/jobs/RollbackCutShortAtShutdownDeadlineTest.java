package io.github.dqualizer.ctk.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.dqualizer.ctk.support.ServiceInstance;
import io.github.dqualizer.ctk.support.TestUsers;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one thing that may cut a rollback short: a graceful shutdown whose grace period runs out. The journal then
 * says so. A cancelled run's rollback takes 30 s, the grace period is 2 s; the instance is closed while the
 * rollback plays, and the stored row is read with JDBC afterwards (no other instance could have touched it).
 */
class RollbackCutShortAtShutdownDeadlineTest {

    private static final String DATABASE = "jdbc:h2:mem:ctk-rollback-deadline;MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
            + "CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1";

    @TempDir
    Path dir;

    @Test
    void shutdownWhenTheGracePeriodRunsOutDuringARollbackThenItIsCutShortAndTheJournalSaysWhy() throws Exception {
        Path started = dir.resolve("started");
        Path done = dir.resolve("done");
        String runId;
        try (ServiceInstance instance = ServiceInstance.start(Map.of("spring.datasource.url", DATABASE,
                "ctk.jobs.shutdown-grace-period", "2s"))) {
            TestUsers.ensure(instance.bean(DataSource.class));
            runId = (String) instance.submit("""
                    {"title": "rollback outlasts the grace period", "description": "a 30 s rollback",
                     "method": [{"type": "action", "name": "sleep", "provider": {"type": "process", "path": "sleep", "arguments": "60"}}],
                     "rollbacks": [{"type": "action", "name": "slow rollback",
                                    "provider": {"type": "process", "path": "sh", "arguments": ["-c", "touch '%s'; sleep 30; touch '%s'"]}}]}
                    """.formatted(started, done)).get("run_id");
            await().atMost(Duration.ofSeconds(20)).until(() -> "running".equals(instance.run(runId).get("status")));
            instance.cancel(runId);
            await().atMost(Duration.ofSeconds(20)).until(() -> started.toFile().exists());
        }

        try (Connection connection = DriverManager.getConnection(DATABASE, "aDBUser", "aDBPw");
             PreparedStatement query = connection.prepareStatement(
                     "SELECT status, journal_json FROM experiment_runs WHERE id = ?")) {
            query.setString(1, runId);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString("status")).isEqualTo("INTERRUPTED");
                Map<String, Object> journal = JsonMapper.builder().build().readValue(row.getString("journal_json"), Map.class);
                assertThat(journal).containsEntry("status", "interrupted");
                assertThat((List<Map<String, Object>>) journal.get("rollbacks"))
                        .singleElement().satisfies(record -> assertThat(record).doesNotContainKey("status"));
                assertThat((Map<String, Object>) journal.get("dqualizer-ctk")).extractingByKey("errors")
                        .asList().singleElement().asString()
                        .isEqualTo("rollbacks: cut short before their end, the service shut down and its grace period (PT2S) ran out");
            }
        }
        assertThat(done).doesNotExist();
    }
}
