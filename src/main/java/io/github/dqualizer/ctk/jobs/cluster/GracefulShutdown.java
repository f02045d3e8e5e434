package io.github.dqualizer.ctk.jobs.cluster;

import io.github.dqualizer.ctk.jobs.execution.JobsProperties;
import io.github.dqualizer.ctk.jobs.execution.RunExecutions;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jobrunr.server.BackgroundJobServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * On SIGTERM (context close): stops taking new runs, cancels the running ones so the engine plays
 * their rollbacks, and waits up to the grace period until their journals and statuses are stored —
 * before JobRunr and the database pool shut down. Rollbacks still playing when the grace period runs
 * out are cut short, and their journals say so.
 */
@Component
class GracefulShutdown implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(GracefulShutdown.class);

    /** After the grace period cut the rollbacks short, the time their journals get to be stored. */
    private static final Duration STORE_AFTER_CUT = Duration.ofSeconds(5);

    private final RunExecutions executions;
    private final ObjectProvider<BackgroundJobServer> jobServer;
    private final JobsProperties properties;
    private volatile boolean running;
    private volatile boolean stopping;

    GracefulShutdown(RunExecutions executions, ObjectProvider<BackgroundJobServer> jobServer, JobsProperties properties) {
        this.executions = executions;
        this.jobServer = jobServer;
        this.properties = properties;
    }

    /** Also a restart after {@link #stop()} (a context stopped and started again): processing resumes. */
    @Override
    public void start() {
        if (stopping) {
            BackgroundJobServer server = jobServer.getIfAvailable();
            if (server != null) {
                try {
                    server.resumeProcessing(); // a no-op when it is processing already
                } catch (IllegalStateException stopped) {
                    log.warn("Job server is stopped; the watchdog restarts it when it can");
                }
            }
            stopping = false;
            executions.resumed();
        }
        running = true;
    }

    @Override
    public void stop() {
        stopping = true;
        Duration grace = properties.shutdownGracePeriod();
        String reason = "the service shut down and its grace period (" + grace + ") ran out";
        // cancel first: pausing JobRunr blocks until its workers are idle, which is while the rollbacks play; a run that
        // starts during the pause is cancelled as it starts; a cancelled run is never cancelled again (its rollbacks play on)
        executions.shutdownBegun(reason);
        int cancelled = executions.count();
        // scheduled before JobRunr's own wait of the same length begins, so this cut, which says why, comes first
        ScheduledExecutorService deadline = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "shutdown-deadline");
            thread.setDaemon(true);
            return thread;
        });
        deadline.schedule(() -> executions.cutShortAll(reason), grace.toNanos(), TimeUnit.NANOSECONDS);
        try {
            BackgroundJobServer server = jobServer.getIfAvailable();
            if (server != null && server.isRunning()) {
                server.pauseProcessing();
            }
            if (executions.count() > 0 || cancelled > 0) {
                log.warn("Shutting down: cancelled {} running experiment(s); waiting up to {} for their rollbacks",
                        Math.max(cancelled, executions.count()), grace);
                if (!executions.awaitNone(grace.plus(STORE_AFTER_CUT))) {
                    log.error("Grace period over: {} experiment(s) still running; they are recovered at the next start",
                            executions.count());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            deadline.shutdownNow();
        }
        running = false;
    }

    boolean stopping() {
        return stopping;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before everything else, the web server included (highest phase stops first). */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
