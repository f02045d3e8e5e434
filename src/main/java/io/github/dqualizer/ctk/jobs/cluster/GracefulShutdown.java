package io.github.dqualizer.ctk.jobs.cluster;

import io.github.dqualizer.ctk.jobs.execution.JobsProperties;
import io.github.dqualizer.ctk.jobs.execution.RunExecutions;
import java.util.HashSet;
import java.util.Set;
import org.jobrunr.server.BackgroundJobServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * On SIGTERM (context close): stops taking new runs, interrupts the running ones so the engine plays
 * their rollbacks, and waits up to the grace period until their journals and statuses are stored —
 * before JobRunr and the database pool shut down.
 */
@Component
class GracefulShutdown implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(GracefulShutdown.class);

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
        }
        running = true;
    }

    @Override
    public void stop() {
        stopping = true;
        // interrupt first: pausing JobRunr blocks until its workers are idle, which is while the rollbacks play
        Set<String> interrupted = new HashSet<>(executions.interruptAll());
        BackgroundJobServer server = jobServer.getIfAvailable();
        if (server != null && server.isRunning()) {
            server.pauseProcessing();
        }
        // a run that started while pausing; the others are not interrupted twice (that would stop their rollbacks)
        interrupted.addAll(executions.interruptAllExcept(interrupted));
        if (!interrupted.isEmpty()) {
            log.warn("Shutting down: interrupted {} running experiment(s); waiting up to {} for their rollbacks",
                    interrupted.size(), properties.shutdownGracePeriod());
            try {
                if (!executions.awaitNone(properties.shutdownGracePeriod())) {
                    log.error("Grace period over: {} experiment(s) still running; they are recovered at the next start",
                            executions.count());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
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
