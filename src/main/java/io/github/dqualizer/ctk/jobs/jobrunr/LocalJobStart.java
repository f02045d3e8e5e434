package io.github.dqualizer.ctk.jobs.jobrunr;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jobrunr.jobs.Job;
import org.jobrunr.server.BackgroundJobServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Starts a job this instance accepts on one of its own workers without a fetch: a free worker is held first
 * ({@link #reserve}), the job is stored already {@code PROCESSING} on the local job server ({@link #markProcessing}),
 * and once it is committed it goes straight to that worker ({@link #start}). No other server ever sees it enqueued,
 * so it runs here exactly once; if this instance dies before it ends, JobRunr treats it as any job of a dead server
 * (orphaned, then failed) and the run is recovered as any run of a dead instance. Without a free worker, or while
 * the server does not process (paused, stopping, not yet announced), nothing is held and the job is enqueued and
 * fetched as usual (docs/adr/0001-instant-job-start.md).
 */
@Component
public class LocalJobStart {

    private static final Logger log = LoggerFactory.getLogger(LocalJobStart.class);

    private final ObjectProvider<BackgroundJobServer> shared;
    private final SharedWorkers workers;
    /** The job servers of host table sets, by host (only this instance's own host has one). */
    private final Map<String, BackgroundJobServer> hostServers = new ConcurrentHashMap<>();

    LocalJobStart(ObjectProvider<BackgroundJobServer> shared, SharedWorkers workers) {
        this.shared = shared;
        this.workers = workers;
    }

    /** A worker held for one job, on the job server of the job's table set. */
    public record Worker(BackgroundJobServer server) {
    }

    /** The job server of {@code host}'s table set, for jobs of runs pinned to that host. */
    public void serveHost(String host, BackgroundJobServer server) {
        hostServers.put(host, server);
    }

    /**
     * Holds a free worker of the server of the table set ({@code pinnedHost}'s, or the shared one for null); empty when
     * this instance has no such server, it does not process now, or every worker is busy. A held worker must be given
     * back: by {@link #start}, or by {@link #release} when the job is not stored.
     */
    public Optional<Worker> reserve(String pinnedHost) {
        BackgroundJobServer server = pinnedHost == null ? shared.getIfAvailable() : hostServers.get(pinnedHost);
        if (server == null || !server.isRunning() || server.isNotReadyToProcessJobs() || !workers.reserve()) {
            return Optional.empty();
        }
        return Optional.of(new Worker(server));
    }

    /** Before the job is first stored: it is stored processing on the worker's server, never enqueued. */
    public void markProcessing(Worker worker, Job job) {
        job.startProcessingOn(worker.server());
    }

    /**
     * Once the job is committed: hands it to the held worker, which JobRunr then treats as if its own fetch had
     * handed it over. False when the pool refused it (stopped in between); the job is then left to JobRunr's
     * handling of orphaned jobs and its run to the caller.
     */
    public boolean start(Worker worker, Job job) {
        try {
            worker.server().processJob(job);
            return true;
        } catch (RuntimeException e) {
            log.warn("Job {} could not be handed to a local worker: {}", job.getId(), e.toString());
            return false;
        } finally {
            workers.release(); // the pool counts the job itself from now on
        }
    }

    /** The job was not stored: the worker is free again. */
    public void release(Worker worker) {
        workers.release();
    }
}
