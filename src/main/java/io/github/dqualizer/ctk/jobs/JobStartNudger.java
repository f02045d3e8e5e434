package io.github.dqualizer.ctk.jobs;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jobrunr.server.BackgroundJobServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Makes the local JobRunr server fetch newly enqueued jobs at once instead of at its next poll
 * (5 s minimum in JobRunr OSS). The only JobRunr internals this service depends on live here:
 * {@code JobSteward.notifyThreadOccupied()/notifyThreadIdle()} (see docs/adr/0001-instant-job-start.md;
 * {@code JobStartNudgerContractTest} fails loudly if JobRunr changes them).
 * Requests are coalesced and run on one background thread, never on a request thread.
 */
@Component
class JobStartNudger implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(JobStartNudger.class);

    private final ObjectProvider<BackgroundJobServer> server;
    private final AtomicBoolean pending = new AtomicBoolean();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "job-start-nudger");
        thread.setDaemon(true);
        return thread;
    });

    JobStartNudger(ObjectProvider<BackgroundJobServer> server) {
        this.server = server;
    }

    void nudge() {
        if (pending.compareAndSet(false, true)) {
            executor.execute(this::fetchNow);
        }
    }

    private void fetchNow() {
        // cleared before fetching: a job enqueued from now on asks for another fetch
        pending.set(false);
        BackgroundJobServer jobServer = server.getIfAvailable();
        if (jobServer == null || !jobServer.isRunning()) {
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

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
