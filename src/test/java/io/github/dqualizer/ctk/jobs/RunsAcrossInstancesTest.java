package io.github.dqualizer.ctk.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.dqualizer.ctk.support.ServiceInstance;
import io.github.dqualizer.ctk.support.TestUsers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances on one database. A run accepted by one instance is executed by the other, which has to
 * read it from the database (only the accepting instance holds it in memory). A run executing on the first is cancelled through the second. The first
 * notices the request, interrupts the run, plays its rollback and stores the end; the request must not
 * stand in the way of storing that result (it once did: the request bumped the row's version and the
 * executing instance's optimistic update of the result failed, leaving the run `running` for ever).
 */
class RunsAcrossInstancesTest {

    private static final String DATABASE = "jdbc:h2:mem:ctk-runs-two;MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
            + "CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1";

    @TempDir
    Path dir;

    @Test
    void runAcceptedByAnInstanceWithoutWorkersThenExecutedByTheOtherFromTheDatabase() {
        try (ServiceInstance executing = ServiceInstance.onDatabase(DATABASE);
             ServiceInstance accepting = ServiceInstance.onDatabaseWithoutWorkers(DATABASE)) {
            TestUsers.ensure(executing.bean(DataSource.class));
            String runId = (String) accepting.submit("""
                    {"title": "accepted elsewhere", "description": "echoes",
                     "method": [{"type": "action", "name": "echo", "provider": {"type": "process", "path": "echo", "arguments": "from afar"}}]}
                    """).get("run_id");

            await().atMost(Duration.ofSeconds(20)).until(() -> "completed".equals(accepting.run(runId).get("status")));
            Map<String, Object> journal = accepting.journal(runId);
            List<Map<String, Object>> activities = (List<Map<String, Object>>) journal.get("run");
            assertThat(activities).hasSize(1);
            assertThat((Map<String, Object>) activities.get(0).get("output")).containsEntry("stdout", "from afar\n");
        }
    }

    @Test
    void cancelOnAnotherInstanceThenExecutingInstanceInterruptsRollsBackAndStoresTheEnd() {
        Path rollbackMarker = dir.resolve("rolled-back");
        try (ServiceInstance executing = ServiceInstance.onDatabase(DATABASE);
             ServiceInstance other = ServiceInstance.onDatabaseWithoutWorkers(DATABASE)) {
            TestUsers.ensure(executing.bean(DataSource.class));
            String runId = (String) executing.submit("""
                    {"title": "cancel me elsewhere", "description": "a long action with a rollback",
                     "method": [{"type": "action", "name": "sleep", "provider": {"type": "process", "path": "sleep", "arguments": "30"}}],
                     "rollbacks": [{"type": "action", "name": "mark", "provider": {"type": "process", "path": "touch", "arguments": ["%s"]}}]}
                    """.formatted(rollbackMarker)).get("run_id");
            await().atMost(Duration.ofSeconds(10)).until(() -> "running".equals(other.run(runId).get("status")));

            other.cancel(runId);

            await().atMost(Duration.ofSeconds(10)).until(() -> "interrupted".equals(other.run(runId).get("status")));
            Map<String, Object> journal = other.journal(runId);
            assertThat(journal).containsEntry("status", "interrupted");
            assertThat((List<?>) journal.get("rollbacks")).hasSize(1);
            assertThat(Files.exists(rollbackMarker)).isTrue();
        }
    }
}
