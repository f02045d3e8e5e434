package io.github.dqualizer.ctk.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.dqualizer.ctk.support.ServiceInstance;
import io.github.dqualizer.ctk.support.TestUsers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cancel interrupts a run once; its rollbacks then run to the end. The rollback here takes 3 s
 * ({@code sh -c "touch started; sleep 3; touch done"}), and while it plays the run is cancelled again on the same
 * instance, cancelled from another instance on the same database (whose request the executing instance's
 * {@code CancellationWatcher} keeps seeing every 500 ms), or stopped by an operator's stop-all. Each time the
 * rollback must succeed and write its file. Before the fix every one of these cut it short: the run ended
 * {@code interrupted} with a rollback record without status and no file.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RollbacksRunToTheEndContract {

    private static final String OPERATOR = "rollbackOperator";
    private static final String OPERATOR_PASSWORD = "rollback-operator-password";

    private ServiceInstance executing;
    private ServiceInstance other;

    @TempDir
    Path dir;

    abstract Map<String, String> database();

    @BeforeAll
    void startTwoInstancesOnOneDatabase() {
        executing = ServiceInstance.start(database());
        Map<String, String> noWorkers = new HashMap<>(database());
        noWorkers.put("jobrunr.background-job-server.enabled", "false");
        other = ServiceInstance.start(noWorkers);
        TestUsers.ensure(executing.bean(DataSource.class));
        TestUsers.putOperator(executing.bean(DataSource.class), OPERATOR, OPERATOR_PASSWORD);
    }

    @AfterAll
    void stopInstances() {
        if (other != null) {
            other.close();
        }
        if (executing != null) {
            executing.close();
        }
    }

    @Test
    void cancelledTwiceAndThriceWhileItsRollbackPlaysThenTheRollbackRunsToTheEnd() {
        SlowRollback rollback = new SlowRollback(dir, "same-instance");
        String runId = startRun(rollback);

        executing.cancel(runId);
        await().atMost(Duration.ofSeconds(20)).until(rollback::started);
        executing.cancel(runId);
        executing.cancel(runId);

        assertRolledBackToTheEnd(runId, rollback);
    }

    @Test
    void cancelledOnAnotherInstanceThenItsWatcherDoesNotCutTheRollback() {
        SlowRollback rollback = new SlowRollback(dir, "other-instance");
        String runId = startRun(rollback);

        other.cancel(runId);
        await().atMost(Duration.ofSeconds(20)).until(rollback::started);
        other.cancel(runId);

        assertRolledBackToTheEnd(runId, rollback);
    }

    @Test
    void stopAllWhileTheRollbackOfACancelledRunPlaysThenTheRollbackRunsToTheEnd() {
        SlowRollback rollback = new SlowRollback(dir, "stop-all");
        String runId = startRun(rollback);

        executing.cancel(runId);
        await().atMost(Duration.ofSeconds(20)).until(rollback::started);
        other.stopAll(OPERATOR, OPERATOR_PASSWORD);
        executing.stopAll(OPERATOR, OPERATOR_PASSWORD);

        assertRolledBackToTheEnd(runId, rollback);
    }

    private String startRun(SlowRollback rollback) {
        String runId = (String) executing.submit(rollback.experiment()).get("run_id");
        await().atMost(Duration.ofSeconds(20)).until(() -> "running".equals(executing.run(runId).get("status")));
        return runId;
    }

    private void assertRolledBackToTheEnd(String runId, SlowRollback rollback) {
        await().atMost(Duration.ofSeconds(30)).until(() -> !"running".equals(other.run(runId).get("status")));
        assertThat(other.run(runId)).containsEntry("status", "interrupted");
        Map<String, Object> journal = other.journal(runId);
        assertThat(journal).containsEntry("status", "interrupted");
        assertThat((List<Map<String, Object>>) journal.get("rollbacks"))
                .singleElement().satisfies(record -> assertThat(record).containsEntry("status", "succeeded"));
        assertThat(rollback.done()).as("the rollback's last step ran").exists();
    }

    /** A run whose method sleeps for a minute and whose one rollback marks its start, sleeps 3 s, then marks its end. */
    record SlowRollback(Path startedMarker, Path doneMarker, String title) {

        SlowRollback(Path dir, String name) {
            this(dir.resolve(name + "-started"), dir.resolve(name + "-done"), "slow rollback " + name);
        }

        boolean started() {
            return startedMarker.toFile().exists();
        }

        Path done() {
            return doneMarker;
        }

        String experiment() {
            return """
                    {"title": "%s", "description": "a long action and a rollback that takes 3 s",
                     "method": [{"type": "action", "name": "sleep", "provider": {"type": "process", "path": "sleep", "arguments": "60"}}],
                     "rollbacks": [{"type": "action", "name": "slow rollback",
                                    "provider": {"type": "process", "path": "sh", "arguments": ["-c", "touch '%s'; sleep 3; touch '%s'"]}}]}
                    """.formatted(title, startedMarker, doneMarker);
        }
    }
}
