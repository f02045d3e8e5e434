package io.github.dqualizer.ctk.jobs.jobrunr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.JobDetails;
import org.jobrunr.jobs.JobParameter;
import org.jobrunr.jobs.mappers.JobMapper;
import org.jobrunr.jobs.states.StateName;
import org.jobrunr.server.BackgroundJobServer;
import org.jobrunr.server.BackgroundJobServerConfiguration;
import org.jobrunr.server.JobActivator;
import org.jobrunr.storage.InMemoryStorageProvider;
import org.jobrunr.storage.Paging.AmountBasedList;
import org.jobrunr.storage.navigation.AmountRequest;
import org.jobrunr.utils.mapper.jackson3.Jackson3JsonMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * A job stored processing on a held local worker: no fetch finds it, it runs on that worker without one, and no worker
 * is held when none is free or the server does not process. A real JobRunr server on JobRunr's in-memory storage (its
 * poll is a minute, so only the hand-over or the server's first fetch can start a job here; the storage counts the
 * fetches).
 */
class LocalJobStartTest {

    private final CountingStorage storage = new CountingStorage();
    private final RecordingJob recording = new RecordingJob();
    private final SharedWorkers workers = new SharedWorkers(1);
    private BackgroundJobServer server;
    private LocalJobStart localStart;

    @AfterEach
    void stopServer() {
        recording.release.countDown();
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void aJobStoredProcessingRunsOnTheHeldWorkerAndNoFetchCanTakeIt() {
        startServer();
        LocalJobStart.Worker worker = localStart.reserve(null).orElseThrow();
        assertThat(workers.free()).as("held").isZero();
        Job job = newJob("one");
        localStart.markProcessing(worker, job);
        storage.save(job);
        assertThat(storage.getJobsToProcess(otherServer(), AmountBasedList.ascOnUpdatedAt(10)))
                .as("what another server's fetch finds").isEmpty();
        int fetchesBefore = storage.fetches.get();

        assertThat(localStart.start(worker, job)).isTrue();

        await().atMost(Duration.ofSeconds(10)).until(() -> storage.getJobById(job.getId()).hasState(StateName.SUCCEEDED));
        assertThat(recording.ran).containsExactly("one");
        assertThat(recording.fetchesWhenRun.get()).as("fetches before the job ran").isEqualTo(fetchesBefore);
        await().atMost(Duration.ofSeconds(10)).until(() -> workers.free() == 1);
    }

    @Test
    void noFreeWorkerHoldsNothing() throws InterruptedException {
        startServer();
        LocalJobStart.Worker worker = localStart.reserve(null).orElseThrow();
        recording.blockOn("busy");
        Job busy = newJob("busy");
        localStart.markProcessing(worker, busy);
        localStart.start(worker, storage.save(busy));
        assertThat(recording.started.await(10, TimeUnit.SECONDS)).isTrue();

        assertThat(localStart.reserve(null)).as("the only worker runs a job").isEmpty();
    }

    @Test
    void aReleasedWorkerIsFreeAgain() {
        startServer();
        LocalJobStart.Worker worker = localStart.reserve(null).orElseThrow();
        assertThat(localStart.reserve(null)).isEmpty();

        localStart.release(worker);

        assertThat(workers.free()).isEqualTo(1);
        assertThat(localStart.reserve(null)).isPresent();
    }

    @Test
    void aPausedServerOrAnotherHostsTableSetHoldsNoWorker() {
        startServer();

        assertThat(localStart.reserve("another-host")).as("no job server for that host's tables here").isEmpty();
        server.pauseProcessing();
        assertThat(localStart.reserve(null)).as("paused").isEmpty();
        assertThat(workers.free()).isEqualTo(1);
    }

    @Test
    void anInstanceWithoutAJobServerHoldsNoWorker() {
        LocalJobStart acceptOnly = new LocalJobStart(new StaticListableBeanFactory().getBeanProvider(BackgroundJobServer.class), workers);

        assertThat(acceptOnly.reserve(null)).isEmpty();
    }

    @Test
    void aHandOverThePoolRefusesIsReportedAndGivesTheWorkerBack() {
        startServer();
        LocalJobStart.Worker worker = localStart.reserve(null).orElseThrow();
        Job job = newJob("refused");
        localStart.markProcessing(worker, job);
        storage.save(job);
        server.stop(); // stops the pool

        assertThat(localStart.start(worker, job)).isFalse();
        assertThat(workers.free()).isEqualTo(1);
        assertThat(recording.ran).isEmpty();
        server = null;
    }

    private void startServer() {
        JobActivator activator = new JobActivator() {
            @Override
            public <T> T activateJob(Class<T> type) {
                return type.cast(recording);
            }
        };
        server = new BackgroundJobServer(storage, new Jackson3JsonMapper(), activator,
                BackgroundJobServerConfiguration.usingStandardBackgroundJobServerConfiguration()
                        .andPollIntervalInSeconds(60)
                        .andBackgroundJobServerWorkerPolicy(workers));
        server.start();
        // announced, and its first fetch (a second after the start) is over: from now on only a hand-over starts a job
        await().atMost(Duration.ofSeconds(20)).until(() -> !server.isNotReadyToProcessJobs() && storage.fetches.get() > 0);
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("jobServer", server);
        localStart = new LocalJobStart(beans.getBeanProvider(BackgroundJobServer.class), workers);
        recording.storage = storage;
    }

    private static Job newJob(String name) {
        return new Job(UUID.randomUUID(), new JobDetails(RecordingJob.class.getName(), null, "execute",
                List.of(new JobParameter(String.class, name))));
    }

    private BackgroundJobServer otherServer() {
        return new BackgroundJobServer(new InMemoryStorageProvider(), new Jackson3JsonMapper(), null,
                BackgroundJobServerConfiguration.usingStandardBackgroundJobServerConfiguration());
    }

    /** Counts JobRunr's fetches (the query for enqueued jobs). */
    static class CountingStorage extends InMemoryStorageProvider {
        final AtomicInteger fetches = new AtomicInteger();

        CountingStorage() {
            setJobMapper(new JobMapper(new Jackson3JsonMapper()));
        }

        @Override
        public List<Job> getJobsToProcess(BackgroundJobServer server, AmountRequest amountRequest) {
            fetches.incrementAndGet();
            return super.getJobsToProcess(server, amountRequest);
        }
    }

    /** The job JobRunr's runner executes (public for its reflection). */
    public static class RecordingJob {
        final List<String> ran = new java.util.concurrent.CopyOnWriteArrayList<>();
        final AtomicInteger fetchesWhenRun = new AtomicInteger(-1);
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        volatile CountingStorage storage;
        private volatile String blocking;

        void blockOn(String name) {
            blocking = name;
        }

        public void execute(String name) throws InterruptedException {
            fetchesWhenRun.set(storage.fetches.get());
            ran.add(name);
            started.countDown();
            if (name.equals(blocking)) {
                release.await(30, TimeUnit.SECONDS);
            }
        }
    }
}
