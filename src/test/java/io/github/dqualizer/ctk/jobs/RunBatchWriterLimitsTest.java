package io.github.dqualizer.ctk.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.github.dqualizer.ctk.jobs.store.ExperimentRun;
import io.github.dqualizer.ctk.jobs.store.ExperimentRunRepository;
import io.github.dqualizer.ctk.support.ServiceInstance;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a submission waits for is bounded: at most {@link RunBatchWriter#MAX_WAITING} wait for the run writer, and
 * one waits at most {@code ctk.jobs.submission-wait-limit} (here 1 s) before it is withdrawn and answered 503 with
 * nothing stored. The writers are held up for real: the test holds both connections of a 2-connection pool, so each
 * batch waits for the pool's 5 s connection timeout.
 */
class RunBatchWriterLimitsTest {

    private ServiceInstance service;
    private RunBatchWriter writer;
    private RunSubmitter submitter;
    private ExperimentRunRepository runs;
    private final List<Connection> held = new ArrayList<>();

    @BeforeEach
    void start() {
        service = ServiceInstance.start(Map.of(
                "spring.datasource.url", "jdbc:h2:mem:batch-limits-" + UUID.randomUUID() + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
                "spring.datasource.hikari.maximum-pool-size", "2",
                "ctk.jobs.submission-wait-limit", "1s",
                "jobrunr.background-job-server.enabled", "false"));
        writer = service.bean(RunBatchWriter.class);
        submitter = service.bean(RunSubmitter.class);
        runs = service.bean(ExperimentRunRepository.class);
    }

    @AfterEach
    void stop() throws Exception {
        releaseConnections();
        service.close();
    }

    @Test
    void submissionsWhenMoreThanTheBoundWaitThenTheSurplusIsRefusedAtOnce() throws Exception {
        holdAllConnections();
        int surplus = 200;
        List<CompletableFuture<RunBatchWriter.Handover>> written = new ArrayList<>();
        for (int i = 0; i < RunBatchWriter.MAX_WAITING + surplus; i++) {
            String id = UUID.randomUUID().toString();
            written.add(writer.write(run(id), RunSubmitter.job(id, "bounded")));
        }

        // refused as they were handed in: the writers hold at most two batches of 64, the queue at most MAX_WAITING
        List<CompletableFuture<RunBatchWriter.Handover>> refused = written.stream().filter(CompletableFuture::isCompletedExceptionally).toList();
        assertThat(refused).hasSizeBetween(surplus - 2 * 64, surplus);
        for (CompletableFuture<RunBatchWriter.Handover> submission : refused) {
            assertThatThrownBy(submission::join).isInstanceOf(CompletionException.class)
                    .cause().isInstanceOf(SubmissionNotStoredException.class)
                    .hasMessageContaining("Too many submissions (1024) are waiting to be stored; nothing was stored");
        }
        releaseConnections();
        await().atMost(Duration.ofSeconds(60)).until(() -> written.stream().allMatch(CompletableFuture::isDone));
    }

    @Test
    void submissionWhenNoWriterTakesItWithinTheWaitLimitThenWithdrawnAnswered503AndNeverStored() throws Exception {
        holdAllConnections();
        List<CompletableFuture<RunBatchWriter.Handover>> ahead = new ArrayList<>();
        for (int i = 0; i < 300; i++) { // more than the writers' two batches of 64: the submission below stays queued
            String id = UUID.randomUUID().toString();
            ahead.add(writer.write(run(id), RunSubmitter.job(id, "ahead")));
        }
        String runId = submitter.newRunId();

        assertThatThrownBy(() -> submitter.submit(runId, "demoUser",
                Map.of("title", "waits too long", "description", "d", "method", List.of()), (String) null))
                .isInstanceOf(SubmissionNotStoredException.class)
                .hasMessage("The run could not be stored within 1 s (the database is slow or unreachable); "
                        + "nothing was stored. Retry later.");

        releaseConnections();
        await().atMost(Duration.ofSeconds(60)).until(() -> ahead.stream().allMatch(CompletableFuture::isDone));
        assertThat(runs.findById(runId)).as("withdrawn, so never written").isEmpty();
    }

    @Test
    void submissionsWhileTheWriterShutsDownThenEveryOneIsAnsweredAndNoneWaitsForEver() throws Exception {
        List<CompletableFuture<RunBatchWriter.Handover>> written = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String id = UUID.randomUUID().toString();
            written.add(writer.write(run(id), RunSubmitter.job(id, "at shutdown")));
        }
        CompletableFuture<Void> closing = CompletableFuture.runAsync(() -> {
            try {
                writer.destroy();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        while (!closing.isDone()) {
            String id = UUID.randomUUID().toString();
            written.add(writer.write(run(id), RunSubmitter.job(id, "racing the shutdown")));
        }
        String late = UUID.randomUUID().toString();
        written.add(writer.write(run(late), RunSubmitter.job(late, "after the shutdown")));

        await().atMost(Duration.ofSeconds(60)).until(() -> written.stream().allMatch(CompletableFuture::isDone));
        assertThatThrownBy(written.get(written.size() - 1)::join).cause()
                .isInstanceOf(SubmissionNotStoredException.class).hasMessageStartingWith("This instance is shutting down");
    }

    private void holdAllConnections() throws Exception {
        DataSource dataSource = service.bean(DataSource.class);
        held.add(dataSource.getConnection());
        held.add(dataSource.getConnection());
    }

    private void releaseConnections() throws Exception {
        for (Connection connection : held) {
            connection.close();
        }
        held.clear();
    }

    private static ExperimentRun run(String id) {
        return new ExperimentRun(id, "demoUser", "limits " + id, null, "{\"title\": \"limits\"}", null, Instant.now());
    }
}
