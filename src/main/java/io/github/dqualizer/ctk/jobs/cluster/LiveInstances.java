package io.github.dqualizer.ctk.jobs.cluster;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.jobrunr.storage.BackgroundJobServerStatus;
import org.jobrunr.storage.StorageProvider;
import org.springframework.stereotype.Component;

/**
 * Tells whether a service instance is alive, by the heartbeat its JobRunr background job server
 * writes every poll interval (the instance name is that server's id) — and, for an instance that ran
 * on this same host, at once by whether its OS process still exists ({@link LocalProcess}).
 */
@Component
public class LiveInstances {

    /** JobRunr itself declares a server dead after four missed polls. */
    private static final int MISSED_HEARTBEATS = 4;

    private final StorageProvider storage;
    private final Clock clock;
    private final LocalProcess here = LocalProcess.current();

    LiveInstances(StorageProvider storage, Clock clock) {
        this.storage = storage;
        this.clock = clock;
    }

    /** The server ids (instance names) whose heartbeat is fresh and whose process, if local, still exists. */
    public Set<String> alive() {
        Instant now = clock.instant();
        Set<String> alive = new HashSet<>();
        for (BackgroundJobServerStatus server : storage.getBackgroundJobServers()) {
            if (fresh(server, now) && !processGone(server)) {
                alive.add(server.getId().toString());
            }
        }
        return alive;
    }

    private static boolean fresh(BackgroundJobServerStatus server, Instant now) {
        Duration timeout = Duration.ofSeconds((long) server.getPollIntervalInSeconds() * MISSED_HEARTBEATS);
        return server.getLastHeartbeat().plus(timeout).isAfter(now);
    }

    boolean isAlive(String node) {
        if (node == null) {
            return false;
        }
        Instant now = clock.instant();
        for (BackgroundJobServerStatus server : storage.getBackgroundJobServers()) {
            if (server.getId().toString().equals(node)) {
                return fresh(server, now) && !processGone(server);
            }
        }
        return false;
    }

    private boolean processGone(BackgroundJobServerStatus server) {
        return LocalProcess.parse(server.getName())
                .map(process -> process.goneAsSeenFrom(here, server.getFirstHeartbeat()))
                .orElse(false);
    }
}
