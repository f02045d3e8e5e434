package io.github.dqualizer.ctk.jobs.fleet;

import io.github.dqualizer.ctk.jobs.cluster.InstanceIdentity;
import io.github.dqualizer.ctk.jobs.cluster.JobServerWatchdog;
import io.github.dqualizer.ctk.jobs.jobrunr.JobStartNudger;
import io.github.dqualizer.ctk.jobs.jobrunr.LocalJobStart;
import io.github.dqualizer.ctk.jobs.jobrunr.SampledStatsJobServer;
import io.github.dqualizer.ctk.jobs.jobrunr.SharedWorkers;
import java.time.Duration;
import org.jobrunr.server.BackgroundJobServer;
import org.jobrunr.server.JobActivator;
import org.jobrunr.utils.mapper.JsonMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import static org.jobrunr.server.BackgroundJobServerConfiguration.usingStandardBackgroundJobServerConfiguration;

/**
 * The second JobRunr job server of an executing instance: it serves the table set of this instance's host
 * ({@link HostJobTables}), so runs pinned to this host execute here and nowhere else. Not a Spring bean of type
 * {@link BackgroundJobServer}: the rest of the service means the shared-tables server by that type. Its workers are
 * the shared-tables server's ({@link SharedWorkers}): the instance runs at most the configured count. Started with
 * the context, paused while the context is stopped (after {@code GracefulShutdown} cancelled the runs), stopped at
 * the end; restarted by the {@link JobServerWatchdog} when JobRunr stopped it during a database outage.
 */
@Component
class HostJobServer implements SmartLifecycle, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(HostJobServer.class);

    private final BackgroundJobServer server;
    /** Whether the context started it once: a later start resumes it. */
    private boolean started;
    private volatile boolean running;

    HostJobServer(ObjectProvider<BackgroundJobServer> sharedServer, HostJobTables tables, InstanceIdentity instance,
                  @Qualifier("jobRunrJsonMapper") JsonMapper jsonMapper, ObjectProvider<JobActivator> activator,
                  ApplicationContext context, JobStartNudger nudger, LocalJobStart localStart, SharedWorkers workers,
                  FleetProperties fleet, JobServerWatchdog watchdog,
                  @Value("${jobrunr.background-job-server.interrupt-jobs-await-duration-on-stop:10s}") Duration awaitOnStop) {
        if (sharedServer.getIfAvailable() == null) {
            this.server = null; // accept-only: it executes nothing, pinned or not
            return;
        }
        this.server = new SampledStatsJobServer(tables.storage(instance.host()), jsonMapper,
                activator.getIfAvailable(() -> context::getBean),
                usingStandardBackgroundJobServerConfiguration()
                        .andName(instance.name() + " host " + instance.host())
                        .andBackgroundJobServerWorkerPolicy(workers)
                        .andPollIntervalInSeconds(fleet.hostPollIntervalInSeconds())
                        .andInterruptJobsAwaitDurationOnStopBackgroundJobServer(awaitOnStop));
        nudger.alsoFetchOn(server);
        localStart.serveHost(instance.host(), server);
        watchdog.watch(server);
    }

    /**
     * Starts the server, or after {@link #stop()} (a context stopped and started again) resumes it: a paused server
     * is not running, and starting a started one is a no-op, so it used to stay paused and the runs pinned here queued.
     */
    @Override
    public void start() {
        if (server != null) {
            if (!started) {
                server.start();
                started = true;
                log.info("Job server for runs pinned to this host started on its own JobRunr tables");
            } else {
                try {
                    server.resumeProcessing(); // a no-op when it processes already
                } catch (IllegalStateException stopped) {
                    log.warn("Job server for runs pinned to this host is stopped; the watchdog restarts it when it can");
                }
            }
        }
        running = true;
    }

    /** After {@code GracefulShutdown} (a higher phase stops first), which cancels the runs executing here. */
    @Override
    public void stop() {
        if (server != null && server.isRunning()) {
            server.pauseProcessing();
        }
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** True when this instance executes runs but its server here does not run (stopped, paused or stopping). */
    boolean serverStopped() {
        return server != null && !server.isRunning();
    }

    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1;
    }

    @Override
    public void destroy() {
        if (server != null) {
            server.stop();
        }
    }
}
