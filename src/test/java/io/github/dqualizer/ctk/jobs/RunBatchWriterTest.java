package io.github.dqualizer.ctk.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import io.github.dqualizer.ctk.jobs.store.ExperimentRun;
import io.github.dqualizer.ctk.jobs.store.ExperimentRunRepository;

import io.github.dqualizer.ctk.support.ServiceInstance;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jobrunr.jobs.JobId;
import org.jobrunr.storage.StorageProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The group commit of accepted runs on a real (H2) database with JobRunr's real SQL storage; the job
 * server is off, so jobs stay as they were created. Every submission learns its own outcome: one the
 * database refuses fails alone, a batch whose jobs cannot be created leaves no run behind.
 */
class RunBatchWriterTest {

    /** H2's wait for a row lock: the lock-conflict test holds one longer than this. */
    private static final int LOCK_TIMEOUT_MS = 300;

    /** One instance for the tests that leave it running (each start costs seconds); the shutdown test starts its own. */
    private static ServiceInstance shared;

    private ServiceInstance service;
    private RunBatchWriter writer;
    private ExperimentRunRepository runs;
    private StorageProvider jobs;

    @BeforeAll
    static void startShared() {
        shared = start();
    }

    @AfterAll
    static void stopShared() {
        shared.close();
    }

    @BeforeEach
    void useShared() {
        use(shared);
    }

    private static ServiceInstance start() {
        return ServiceInstance.start(Map.of(
                "spring.datasource.url", "jdbc:h2:mem:batch-writer-" + UUID.randomUUID() + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=" + LOCK_TIMEOUT_MS,
                "jobrunr.background-job-server.enabled", "false"));
    }

    private void use(ServiceInstance instance) {
        service = instance;
        writer = service.bean(RunBatchWriter.class);
        runs = service.bean(ExperimentRunRepository.class);
        jobs = service.bean(StorageProvider.class);
    }

    @Test
    void concurrentSubmissionsWhenTheDatabaseRefusesOneThenOnlyItFailsAndTheOthersAreStoredWithTheirJobs() throws Exception {
        long before = runs.count();
        String taken = UUID.randomUUID().toString();
        writer.write(run(taken), RunSubmitter.job(taken, "batch")).get(10, TimeUnit.SECONDS);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 39; i++) {
            ids.add(UUID.randomUUID().toString());
        }
        ids.add(20, taken); // a second run with an id that exists: its insert violates the primary key

        List<CompletableFuture<RunBatchWriter.Handover>> written = writeAtOnce(ids);

        for (int i = 0; i < ids.size(); i++) {
            if (i == 20) {
                assertThatThrownBy(written.get(i)::join).isInstanceOf(CompletionException.class)
                        .hasCauseInstanceOf(DataIntegrityViolationException.class);
            } else {
                written.get(i).get(10, TimeUnit.SECONDS);
                assertThat(runs.findById(ids.get(i))).as("run %s", i).isPresent();
                assertThat(jobs.getJobById(new JobId(UUID.fromString(ids.get(i))))).as("job %s", i).isNotNull();
            }
        }
        assertThat(runs.count() - before).as("runs added").isEqualTo(40);
    }

    @Test
    void batchWhenItsJobsCannotBeCreatedThenNoneOfItsRunsIsStoredAndEverySubmitterIsTold() throws Exception {
        JdbcTemplate jdbc = new JdbcTemplate(service.bean(DataSource.class));
        List<String> ids = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString());
        jdbc.execute("ALTER TABLE jobrunr_jobs RENAME TO jobrunr_jobs_away");
        List<CompletableFuture<RunBatchWriter.Handover>> written;
        try {
            written = writeAtOnce(ids);
            CompletableFuture.allOf(written.toArray(CompletableFuture[]::new)).handle((ok, error) -> null).get(10, TimeUnit.SECONDS);
        } finally {
            jdbc.execute("ALTER TABLE jobrunr_jobs_away RENAME TO jobrunr_jobs");
        }

        assertThat(written).allMatch(CompletableFuture::isCompletedExceptionally);
        for (CompletableFuture<RunBatchWriter.Handover> submission : written) {
            // a database error, so the API answers 503 "nothing was stored" instead of JobRunr's StorageException as 500
            assertThatThrownBy(submission::join).hasCauseInstanceOf(DataAccessException.class);
        }
        assertThat(runs.findAllById(ids)).isEmpty();
    }

    @Test
    void submissionWhoseInsertLosesALockConflictThenWrittenAgainOnceTheLockIsFree() throws Exception {
        String id = UUID.randomUUID().toString();
        CompletableFuture<RunBatchWriter.Handover> written;
        try (Connection other = service.bean(DataSource.class).getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement insert = other.prepareStatement("INSERT INTO experiment_runs "
                    + "(id, owner, title, status, experiment_json, submitted_at) VALUES (?, 'demoUser', 't', 'QUEUED', '{}', CURRENT_TIMESTAMP)")) {
                insert.setString(1, id);
                insert.executeUpdate(); // uncommitted: the batch's insert of the same key has to wait for this transaction
            }
            written = writer.write(run(id), RunSubmitter.job(id, "locked"));
            Thread.sleep(LOCK_TIMEOUT_MS * 2L + 100);
            assertThat(written).as("held up by the lock, past the first lock timeout").isNotDone();
            other.rollback();
        }

        written.get(10, TimeUnit.SECONDS);
        assertThat(runs.findById(id)).isPresent();
        assertThat(jobs.getJobById(new JobId(UUID.fromString(id)))).isNotNull();
    }

    @Test
    void submissionWhenTheServiceHasShutDownThenRefusedAsUnavailable() {
        use(start());
        service.close();

        String id = UUID.randomUUID().toString();
        assertThatThrownBy(writer.write(run(id), RunSubmitter.job(id, "batch"))::join)
                .hasCauseInstanceOf(DataAccessResourceFailureException.class);
    }

    private List<CompletableFuture<RunBatchWriter.Handover>> writeAtOnce(List<String> ids) throws InterruptedException {
        ExecutorService threads = Executors.newFixedThreadPool(ids.size());
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<CompletableFuture<RunBatchWriter.Handover>>> calls = new ArrayList<>();
        for (String id : ids) {
            calls.add(CompletableFuture.supplyAsync(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return writer.write(run(id), RunSubmitter.job(id, "batch"));
            }, threads));
        }
        go.countDown();
        List<CompletableFuture<RunBatchWriter.Handover>> written = calls.stream().map(CompletableFuture::join).toList();
        threads.shutdown();
        return written;
    }

    private static ExperimentRun run(String id) {
        return new ExperimentRun(id, "demoUser", "batch " + id, null, "{\"title\": \"batch\"}", null, Instant.now());
    }
}
