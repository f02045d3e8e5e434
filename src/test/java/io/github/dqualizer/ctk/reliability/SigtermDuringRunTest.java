package io.github.dqualizer.ctk.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.dqualizer.ctk.support.ExternalService;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * SIGTERM to the service process while a run's method sleeps: before the process exits, the run's
 * rollback has run and its status ({@code interrupted}) and journal are in the database.
 */
class SigtermDuringRunTest {

    @TempDir
    Path dir;

    @Test
    void runWhenServiceGetsSigtermThenRolledBackAndStoredInterruptedBeforeExit() throws Exception {
        Path rollbackMarker = dir.resolve("rollback-ran");
        String experiment = """
                {"title": "sleeps through a SIGTERM", "description": "the service is stopped while the method runs",
                 "method": [{"type": "action", "name": "sleep long", "provider": {"type": "process", "path": "sleep", "arguments": ["600"]}}],
                 "rollbacks": [{"type": "action", "name": "mark rollback", "provider": {"type": "process", "path": "touch", "arguments": ["%s"]}}]}
                """.formatted(rollbackMarker);
        String url = "jdbc:h2:file:" + dir.resolve("ctk").toAbsolutePath()
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
        String runId;
        try (ExternalService service = ExternalService.start(Map.of("spring.datasource.url", url), Reliability.log("sigterm"))) {
            ExternalService.Response accepted = service.submit(experiment);
            assertThat(accepted.statusCode()).as("%s", accepted.body()).isEqualTo(202);
            runId = (String) accepted.body().get("run_id");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(service.run(runId)).containsEntry("status", "running"));

            long signalledAt = System.nanoTime();
            service.terminate();
            int exitCode = service.awaitExit(Duration.ofSeconds(60));
            Reliability.report("SIGTERM: the process exited %d ms after the signal (exit code %d)",
                    (System.nanoTime() - signalledAt) / 1_000_000, exitCode);
            assertThat(service.logText()).as("stored at once, not after the database closed under it")
                    .doesNotContain("Cannot store the result").doesNotContain("Database is already closed");
        }

        assertThat(rollbackMarker).as("the rollback ran before the process exited").exists();
        // read straight from the database the process left behind: nothing was recovered by a later start
        try (Connection connection = DriverManager.getConnection(url, "aDBUser", "aDBPw");
             PreparedStatement query = connection.prepareStatement(
                     "SELECT status, status_reason, journal_json, ended_at FROM experiment_runs WHERE id = ?")) {
            query.setString(1, runId);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString("status")).isEqualTo("INTERRUPTED");
                assertThat(row.getTimestamp("ended_at")).isNotNull();
                Map<?, ?> journal = JsonMapper.builder().build().readValue(row.getString("journal_json"), Map.class);
                assertThat(journal.get("status")).isEqualTo("interrupted");
                assertThat((java.util.List<?>) journal.get("rollbacks")).singleElement()
                        .satisfies(r -> assertThat(((Map<?, ?>) r).get("status")).isEqualTo("succeeded"));
            }
        }
    }
}
