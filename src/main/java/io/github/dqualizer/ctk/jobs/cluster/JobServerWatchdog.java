package io.github.dqualizer.ctk.jobs.cluster;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.jobrunr.server.BackgroundJobServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Restarts JobRunr's background job servers once the database is reachable again: JobRunr OSS stops
 * a server after repeated storage errors and never restarts it by itself. It watches the shared-tables server and
 * every server registered with {@link #watch} (the job server of this host's table set): an unwatched one stayed
 * stopped after an outage, and the runs pinned to this host stayed queued. A plain scheduled task, as
 * {@code CrashRecovery} is.
 */
@Component
public class JobServerWatchdog implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(JobServerWatchdog.class);

    private final ObjectProvider<BackgroundJobServer> jobServer;
    private final DataSource dataSource;
    private final GracefulShutdown shutdown;
    private final Duration interval;
    /** Servers registered before the application is ready; watched from then on. */
    private final List<BackgroundJobServer> registered = new CopyOnWriteArrayList<>();
    /**
     * Filled once, when the application is ready (empty before, and on an accept-only instance): the beans do not
     * change, and a bean-factory lookup every 5 s was work of the idle instance for nothing (issue 18).
     */
    private volatile List<BackgroundJobServer> watched = List.of();

    JobServerWatchdog(ObjectProvider<BackgroundJobServer> jobServer, DataSource dataSource, GracefulShutdown shutdown,
                      @Value("${ctk.jobs.watchdog-interval:5s}") Duration interval) {
        this.jobServer = jobServer;
        this.dataSource = dataSource;
        this.shutdown = shutdown;
        this.interval = interval;
    }

    /** A job server besides the shared-tables one, started with the context; watched once the application is ready. */
    public void watch(BackgroundJobServer server) {
        registered.add(server);
    }

    /** JobRunr starts its servers before the application is ready; only then can "not running" mean "stopped". */
    @EventListener(ApplicationReadyEvent.class)
    void applicationReady() {
        List<BackgroundJobServer> servers = new ArrayList<>();
        jobServer.ifAvailable(servers::add);
        servers.addAll(registered);
        watched = List.copyOf(servers);
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(new FixedDelayTask(this::restartWhenDatabaseIsBack, interval, interval));
    }

    void restartWhenDatabaseIsBack() {
        for (BackgroundJobServer server : watched) {
            if (server.isRunning() || shutdown.stopping()) {
                continue;
            }
            if (!databaseReachable()) {
                return;
            }
            log.warn("JobRunr's {} had stopped (database outage?); the database is back, restarting it", server);
            try {
                server.start();
            } catch (RuntimeException e) {
                log.warn("Restarting {} failed; trying again later: {}", server, e.toString());
            }
        }
    }

    private boolean databaseReachable() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2);
        } catch (Exception e) {
            return false;
        }
    }
}
