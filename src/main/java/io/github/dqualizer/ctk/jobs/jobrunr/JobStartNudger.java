package io.github.dqualizer.ctk.jobs.jobrunr;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jobrunr.server.BackgroundJobServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Makes the local JobRunr server fetch newly enqueued jobs at once instead of at its next poll
 * (5 s minimum in JobRunr OSS). The only JobRunr internals this service depends on live here:
 * {@code JobSteward.notifyThreadOccupied()/notifyThreadIdle()} (see docs/adr/0001-instant-job-start.md;
 * {@code JobStartNudgerContractTest} fails loudly if JobRunr changes them).
 * Requests are coalesced and run on one background thread, never on a request thread.
 * <p>
 * JobRunr only tries the lock of its fetch: a nudge that arrives while a fetch runs (one a worker
 * started on finishing its job, say) is swallowed, and that fetch may have read the queue just before
 * the new job was committed. So the nudger fetches again, every {@link #RETRY_MILLIS} ms, until each
 * nudged run has started or {@link #GIVE_UP_NANOS} has passed (by then JobRunr's own poll has run).
 */
@Component
public class JobStartNudger implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(JobStartNudger.class);
    private static final long RETRY_MILLIS = 20;
    private static final long PEER_RETRY_MILLIS = 50;
    private static final long GIVE_UP_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final ObjectProvider<BackgroundJobServer> server;
    /** Further local job servers (the one on this host's own tables, docs/adr/0008-fleet-routing.md). */
    private final List<BackgroundJobServer> others = new CopyOnWriteArrayList<>();
    private final ConcurrentMap<String, Long> awaitingStart = new ConcurrentHashMap<>();
    private final AtomicBoolean fetchPending = new AtomicBoolean();
    private final AtomicBoolean retryPending = new AtomicBoolean();
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "job-start-nudger");
        thread.setDaemon(true);
        return thread;
    });

    JobStartNudger(ObjectProvider<BackgroundJobServer> server) {
        this.server = server;
    }

    /** The job of {@code runId} has just been committed. */
    public void nudge(String runId) {
        awaitingStart.put(runId, System.nanoTime());
        requestFetch();
    }

    /** Every nudge also makes {@code other} fetch (a run's job may be in either table set). */
    public void alsoFetchOn(BackgroundJobServer other) {
        others.add(other);
    }

    /**
     * Another instance enqueued a job this instance may execute: fetch at once, and once more shortly after, in
     * case that fetch lost JobRunr's fetch lock to one that read the queue before the job was committed. Bounded
     * (two fetches per nudge, coalesced), unlike the local retries, because this instance cannot see the job start.
     */
    public void nudgeFromPeer() {
        requestFetch();
        executor.schedule(this::requestFetch, PEER_RETRY_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** The job of {@code runId} was fetched and is running: no more fetching for it. */
    public void started(String runId) {
        awaitingStart.remove(runId);
    }

    private void requestFetch() {
        if (fetchPending.compareAndSet(false, true)) {
            executor.execute(this::fetchNow);
        }
    }

    private void fetchNow() {
        // cleared before fetching: a job enqueued from now on asks for another fetch
        fetchPending.set(false);
        BackgroundJobServer jobServer = server.getIfAvailable();
        if (jobServer == null) {
            return;
        }
        fetch(jobServer);
        others.forEach(JobStartNudger::fetch);
        retryWhileAwaitingStart();
    }

    private static void fetch(BackgroundJobServer jobServer) {
        if (!jobServer.isRunning()) {
            return;
        }
        try {
            // net change of the busy-thread counter is zero; notifyThreadIdle() runs the fetch
            jobServer.getJobSteward().notifyThreadOccupied();
            jobServer.getJobSteward().notifyThreadIdle();
        } catch (RuntimeException e) {
            log.warn("Immediate job fetch failed; the job starts at the next poll instead: {}", e.toString());
        }
    }

    private void retryWhileAwaitingStart() {
        long now = System.nanoTime();
        awaitingStart.values().removeIf(nudgedAt -> now - nudgedAt > GIVE_UP_NANOS);
        if (!awaitingStart.isEmpty() && retryPending.compareAndSet(false, true)) {
            executor.schedule(() -> {
                retryPending.set(false);
                requestFetch();
            }, RETRY_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
