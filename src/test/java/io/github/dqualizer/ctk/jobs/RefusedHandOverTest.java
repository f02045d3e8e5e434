package io.github.dqualizer.ctk.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.dqualizer.ctk.jobs.cluster.InstanceIdentity;
import io.github.dqualizer.ctk.jobs.execution.RunExecutions;
import io.github.dqualizer.ctk.jobs.jobrunr.LocalJobStart;
import io.github.dqualizer.ctk.jobs.store.ExperimentRun;
import io.github.dqualizer.ctk.jobs.store.ExperimentRunRepository;
import io.github.dqualizer.ctk.jobs.store.RunStatus;
import io.github.dqualizer.ctk.support.ServiceInstance;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.JobId;
import org.jobrunr.jobs.states.StateName;
import org.jobrunr.server.BackgroundJobServer;
import org.jobrunr.storage.StorageProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A submission holds a local worker, and the job server stops before its run is committed (JobRunr stops its server
 * after storage errors, so a submission that waited out a database outage commits into a stopping server): the
 * hand-over fails. The run must be queued again, and run once the server is back, instead of being ended unstarted
 * by crash recovery (two runs of {@code DatabaseOutageTest} ended "interrupted" that way). A real instance on H2
 * with its real job server; the test takes the submitter's steps one by one to stop the server between them.
 */
class RefusedHandOverTest {

    private ServiceInstance service;

    @AfterEach
    void close() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void handOverRefusedByAStoppedServerThenRunQueuedAgainAndRunOnceTheServerIsBack() {
        service = ServiceInstance.start(Map.of("spring.datasource.url",
                "jdbc:h2:mem:refused-hand-over-" + UUID.randomUUID() + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
                "ctk.jobs.watchdog-interval", "1h")); // the test restarts the server itself
        BackgroundJobServer server = service.bean(BackgroundJobServer.class);
        LocalJobStart localStart = service.bean(LocalJobStart.class);
        InstanceIdentity instance = service.bean(InstanceIdentity.class);
        await().atMost(Duration.ofSeconds(20)).until(() -> server.isRunning() && !server.isNotReadyToProcessJobs());

        String id = UUID.randomUUID().toString();
        ExperimentRun run = new ExperimentRun(id, "demoUser", "refused hand-over", null,
                "{\"title\": \"refused hand-over\", \"description\": \"d\", \"method\": []}", null, Instant.now());
        run.acceptedOn(instance.host());
        Job job = RunSubmitter.job(id, "refused hand-over");
        LocalJobStart.Worker worker = localStart.reserve(null).orElseThrow();
        service.bean(RunExecutions.class).claiming(id);
        run.start(instance.name(), instance.host(), Instant.now());
        localStart.markProcessing(worker, job);
        service.bean(AcceptedRuns.class).accepted(run);
        server.stop(); // between the hold and the commit: the pool refuses the hand-over

        RunBatchWriter.Handover handover = service.bean(RunBatchWriter.class).store(run, job, worker);

        assertThat(handover).isEqualTo(RunBatchWriter.Handover.ENQUEUED);
        ExperimentRunRepository runs = service.bean(ExperimentRunRepository.class);
        ExperimentRun stored = runs.findById(id).orElseThrow();
        assertThat(stored.status()).as("queued again, not left claimed for crash recovery").isEqualTo(RunStatus.QUEUED);
        assertThat(stored.node()).isNull();
        assertThat(run.status()).as("the submitter's copy, as stored").isEqualTo(RunStatus.QUEUED);
        StorageProvider jobs = service.bean(StorageProvider.class);
        assertThat(jobs.getJobById(new JobId(UUID.fromString(id))).getState()).isEqualTo(StateName.ENQUEUED);

        server.start();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(runs.findById(id).orElseThrow().status()).isEqualTo(RunStatus.COMPLETED));
    }
}
