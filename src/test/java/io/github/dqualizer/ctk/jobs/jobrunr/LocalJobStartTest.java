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
import org.jobrunr.storage.navigation.AmountRequest;
import org.jobrunr.utils.mapper.jackson3.Jackson3JsonMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * A committed job handed straight to a local worker: it runs without a fetch, once even when another server took it
 * first, and is left to the fetch when no worker is free or the server does not process. A real JobRunr server on
 * JobRunr's in-memory storage (its poll is a minute, so only the hand-over or the server's first fetch can start a
 * job here; the storage counts the fetches).
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
    void aCommittedJobRunsOnALocalWorkerWithoutAFetch() {
        startServer();
        Job job = committedJob("one");
        int fetchesBefore = storage.fetches.get();

        assertThat(localStart.start(null, job)).isTrue();

        await().atMost(Duration.ofSeconds(10)).until(() -> storage.getJobById(job.getId()).hasState(StateName.SUCCEEDED));
        assertThat(recording.ran).containsExactly("one");
        assertThat(recording.fetchesWhenRun.get()).as("fetches before the job ran").isEqualTo(fetchesBefore);
    }

    @Test
    void aJobAnotherServerTookFirstDoesNotRunHereToo() {
        startServer();
        Job job = committedJob("taken");
        Job elsewhere = storage.getJobById(job.getId());
        elsewhere.startProcessingOn(otherServer());
        storage.save(elsewhere); // another instance's fetch moved it on: the job here is a version behind

        assertThat(localStart.start(null, job)).as("a worker took the hand-over").isTrue();

        await().atMost(Duration.ofSeconds(10)).until(() -> workers.free() == 1);
        assertThat(recording.ran).as("the worker stepped aside").isEmpty();
        assertThat(storage.getJobById(job.getId()).getState()).isEqualTo(StateName.PROCESSING);
    }

    @Test
    void noFreeWorkerLeavesTheJobToTheFetch() throws InterruptedException {
        startServer();
        Job busy = committedJob("busy");
        recording.blockOn("busy");
        assertThat(localStart.start(null, busy)).isTrue();
        assertThat(recording.started.await(10, TimeUnit.SECONDS)).isTrue();

        Job waiting = committedJob("waiting");

        assertThat(localStart.start(null, waiting)).isFalse();
        assertThat(storage.getJobById(waiting.getId()).getState()).isEqualTo(StateName.ENQUEUED);
    }

    @Test
    void aPausedServerOrAnotherHostsTableSetTakesNothing() {
        startServer();
        Job job = committedJob("paused");

        assertThat(localStart.start("another-host", job)).as("no job server for that host's tables here").isFalse();
        server.pauseProcessing();
        assertThat(localStart.start(null, job)).as("paused").isFalse();
        assertThat(storage.getJobById(job.getId()).getState()).isEqualTo(StateName.ENQUEUED);
        assertThat(recording.ran).isEmpty();
    }

    @Test
    void anInstanceWithoutAJobServerStartsNothing() {
        LocalJobStart acceptOnly = new LocalJobStart(new StaticListableBeanFactory().getBeanProvider(BackgroundJobServer.class), workers);

        assertThat(acceptOnly.start(null, committedJob("accept-only"))).isFalse();
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

    private Job committedJob(String name) {
        Job job = new Job(UUID.randomUUID(), new JobDetails(RecordingJob.class.getName(), null, "execute",
                List.of(new JobParameter(String.class, name))));
        return storage.save(job);
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
