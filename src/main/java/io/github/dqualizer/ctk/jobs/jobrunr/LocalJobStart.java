package io.github.dqualizer.ctk.jobs.jobrunr;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jobrunr.jobs.Job;
import org.jobrunr.server.BackgroundJobServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Hands a job this instance has just committed straight to a free local worker, as JobRunr's own fetch would hand it
 * over, without the fetch: no wake-up of the nudger's thread, no query for the queue. The job stays the durable
 * record: it was committed {@code ENQUEUED}, and the worker moves it to {@code PROCESSING} with JobRunr's version
 * check, so a job another server fetched first runs there and not here (JobRunr's {@code BackgroundJobPerformer}
 * then steps aside). When no worker is free or the server does not process (paused, stopping, not yet announced),
 * nothing is handed over and the caller nudges the fetch instead (docs/adr/0001-instant-job-start.md).
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

    /** The job server of {@code host}'s table set, for jobs of runs pinned to that host. */
    public void serveHost(String host, BackgroundJobServer server) {
        hostServers.put(host, server);
    }

    /**
     * Starts the committed, still enqueued {@code job} on a local worker of the server of its table set ({@code
     * pinnedHost}'s, or the shared one for null). True when a worker took it; false when it must be fetched as usual.
     */
    public boolean start(String pinnedHost, Job job) {
        BackgroundJobServer server = pinnedHost == null ? shared.getIfAvailable() : hostServers.get(pinnedHost);
        if (server == null || !server.isRunning() || server.isNotReadyToProcessJobs() || workers.free() == 0) {
            return false;
        }
        try {
            server.processJob(job);
            return true;
        } catch (RuntimeException e) {
            // the pool stopped in between: the job is still enqueued, a fetch here or elsewhere takes it
            log.debug("Job {} not started directly: {}", job.getId(), e.toString());
            return false;
        }
    }
}
