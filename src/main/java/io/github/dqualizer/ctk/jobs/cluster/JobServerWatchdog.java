package io.github.dqualizer.ctk.jobs.cluster;

import java.sql.Connection;
import javax.sql.DataSource;
import org.jobrunr.server.BackgroundJobServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Restarts JobRunr's background job server once the database is reachable again: JobRunr OSS stops
 * it after repeated storage errors and never restarts it by itself.
 */
@Component
class JobServerWatchdog {

    private static final Logger log = LoggerFactory.getLogger(JobServerWatchdog.class);

    private final ObjectProvider<BackgroundJobServer> jobServer;
    private final DataSource dataSource;
    private final GracefulShutdown shutdown;
    /**
     * Looked up once, when the application is ready (null before, and on an accept-only instance): the bean does not
     * change, and a bean-factory lookup every 5 s was work of the idle instance for nothing (issue 18).
     */
    private volatile BackgroundJobServer server;

    JobServerWatchdog(ObjectProvider<BackgroundJobServer> jobServer, DataSource dataSource, GracefulShutdown shutdown) {
        this.jobServer = jobServer;
        this.dataSource = dataSource;
        this.shutdown = shutdown;
    }

    /** JobRunr starts its server when the application is ready; only then can "not running" mean "stopped". */
    @EventListener(ApplicationReadyEvent.class)
    void applicationReady() {
        server = jobServer.getIfAvailable();
    }

    @Scheduled(fixedDelayString = "${ctk.jobs.watchdog-interval:5s}", initialDelayString = "${ctk.jobs.watchdog-interval:5s}")
    void restartWhenDatabaseIsBack() {
        BackgroundJobServer server = this.server;
        if (server == null || server.isRunning() || shutdown.stopping() || !databaseReachable()) {
            return;
        }
        log.warn("JobRunr's job server had stopped (database outage?); the database is back, restarting it");
        try {
            server.start();
        } catch (RuntimeException e) {
            log.warn("Restarting the job server failed; trying again later: {}", e.toString());
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
