package io.github.dqualizer.ctk.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.dqualizer.ctk.jobs.cluster.InstanceIdentity;
import io.github.dqualizer.ctk.support.ServiceInstance;
import io.github.dqualizer.ctk.support.TestUsers;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.jobrunr.jobs.Job;
import org.jobrunr.storage.StorageProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * No run stays orphaned for ever. Runs are accepted by an instance without a job server; their JobRunr jobs are then
 * put in the states that orphan them, through JobRunr's own storage API and plain SQL (what the dashboard, a crash
 * and a failed claim leave behind): deleted, failed, missing altogether (and submitted two minutes ago), and a run
 * stored as running on a live instance that is not executing it (what an unexpected error leaves behind). A second
 * instance with a job server then reconciles them. Before the fix all four stayed {@code queued}/{@code running}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OrphanedRunsContract {

    private ServiceInstance accepting;
    private ServiceInstance executing;
    private String deletedJobRun;
    private String failedJobRun;
    private String missingJobRun;
    private String leftRunningRun;

    @TempDir
    static Path dir;

    abstract Map<String, String> database();

    private Map<String, String> properties(boolean jobServer) {
        Map<String, String> properties = new HashMap<>(database());
        properties.put("jobrunr.background-job-server.enabled", String.valueOf(jobServer));
        properties.put("ctk.jobs.reconciliation-interval", "5s");
        properties.put("ctk.jobs.recovery-interval", "1s");
        return properties;
    }

    @BeforeAll
    void orphanRunsThenStartAnInstanceThatReconcilesThem() {
        accepting = ServiceInstance.start(properties(false));
        TestUsers.ensure(accepting.bean(DataSource.class));
        StorageProvider jobs = accepting.bean(StorageProvider.class);
        JdbcTemplate jdbc = new JdbcTemplate(accepting.bean(DataSource.class));

        deletedJobRun = submit("job deleted");
        jobs.save(jobs.getJobById(UUID.fromString(deletedJobRun)).delete("Deleted via Dashboard"));

        failedJobRun = submit("claim gave up");
        jobs.save(jobs.getJobById(UUID.fromString(failedJobRun)).failed("the claim gave up", new IllegalStateException("database unreachable")));

        missingJobRun = submit("job never committed");
        jdbc.update("DELETE FROM jobrunr_jobs WHERE id = ?", missingJobRun);
        jdbc.update("UPDATE experiment_runs SET submitted_at = TIMESTAMPADD(MINUTE, -2, submitted_at) WHERE id = ?", missingJobRun);

        leftRunningRun = submit("left running");
        Job held = jobs.getJobById(UUID.fromString(leftRunningRun));
        held.scheduleAt(Instant.now().plus(Duration.ofDays(1)), "held by the test, so no worker starts it");
        jobs.save(held);

        executing = ServiceInstance.start(properties(true));
        // what an unexpected error in the middle of its execution leaves: running on a live instance that does not run it
        assertThat(jdbc.update("UPDATE experiment_runs SET status = 'RUNNING', node = ?, started_at = CURRENT_TIMESTAMP"
                + " WHERE id = ? AND status = 'QUEUED'", executing.bean(InstanceIdentity.class).name(), leftRunningRun)).isEqualTo(1);
    }

    @AfterAll
    void stopInstances() {
        if (executing != null) {
            executing.close();
        }
        if (accepting != null) {
            accepting.close();
        }
        afterInstancesStopped();
    }

    /** Releases what {@link #database()} started, once no instance uses it. */
    void afterInstancesStopped() {
    }

    @Test
    void queuedRunWhoseJobWasDeletedInTheDashboardThenEndedWithTheReason() {
        assertEndedNeverStarted(deletedJobRun, "Its JobRunr job was deleted (in the dashboard?) before it started");
    }

    @Test
    void queuedRunWhoseJobFailedBeforeClaimingItThenEndedWithTheReason() {
        assertEndedNeverStarted(failedJobRun, "Its JobRunr job failed before it could start the run");
    }

    @Test
    void queuedRunWhoseJobWasNeverCommittedThenEndedWithTheReason() {
        assertEndedNeverStarted(missingJobRun, "Its JobRunr job does not exist");
    }

    @Test
    void runLeftRunningOnALiveInstanceThenInterruptedWithItsRollbacksPlayedAndNotRerun() {
        await().atMost(Duration.ofSeconds(60)).until(() -> "interrupted".equals(accepting.run(leftRunningRun).get("status")));
        assertThat((String) accepting.run(leftRunningRun).get("status_reason"))
                .startsWith("It was left running on this instance (" + executing.bean(InstanceIdentity.class).name() + ")")
                .contains("it was not re-run, and its rollbacks were played by");
        Map<String, Object> journal = accepting.journal(leftRunningRun);
        assertThat((List<?>) journal.get("run")).isEmpty();
        assertThat((List<Map<String, Object>>) journal.get("rollbacks"))
                .singleElement().satisfies(record -> assertThat(record).containsEntry("status", "succeeded"));
        assertThat(dir.resolve("left running-rolled-back")).exists();
        assertThat(dir.resolve("left running-method")).doesNotExist();
    }

    private void assertEndedNeverStarted(String runId, String reason) {
        await().atMost(Duration.ofSeconds(60)).until(() -> "interrupted".equals(accepting.run(runId).get("status")));
        Map<String, Object> run = accepting.run(runId);
        assertThat((String) run.get("status_reason")).startsWith(reason).endsWith("it never started and was ended by the run reconciliation.");
        assertThat(run).doesNotContainKey("started_at");
    }

    private String submit(String title) {
        return (String) accepting.submit("""
                {"title": "%s", "description": "orphaned",
                 "method": [{"type": "action", "name": "mark method", "provider": {"type": "process", "path": "touch", "arguments": ["%s"]}}],
                 "rollbacks": [{"type": "action", "name": "mark rollback", "provider": {"type": "process", "path": "touch", "arguments": ["%s"]}}]}
                """.formatted(title, dir.resolve(title + "-method"), dir.resolve(title + "-rolled-back"))).get("run_id");
    }
}
