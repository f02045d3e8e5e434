package io.github.dqualizer.ctk.jobs.fleet;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the instances of a fleet wake each other when a run is enqueued for another one.
 *
 * @param nudgePort    UDP port this instance listens on for nudges (0: any free port; it is registered in the database)
 * @param nudgeBind    the address the nudge socket binds to
 * @param nudgeAddress the address the other instances send nudges to (default: this machine's address)
 * @param hostPollIntervalInSeconds the poll of the job server on this host's table set (default 60, JobRunr's minimum 5):
 *                     its runs are started by nudges (local, and UDP from the instance that accepted them), so the poll is
 *                     only the fallback for a lost nudge; each poll is a heartbeat and JobRunr's master tasks on those
 *                     tables, about a third of the idle service's wake-ups at 5 s and a quarter of JobRunr's idle CPU at
 *                     15 s (docs/benchmarks.md, issue 18). Nothing else reads that heartbeat: an instance is live by its
 *                     shared-tables server's, and a dead one's pinned runs are recovered by crash recovery
 */
@ConfigurationProperties("ctk.fleet")
record FleetProperties(Integer nudgePort, String nudgeBind, String nudgeAddress, Integer hostPollIntervalInSeconds) {

    static final int MIN_POLL_SECONDS = 5;

    public FleetProperties {
        hostPollIntervalInSeconds = hostPollIntervalInSeconds == null ? 60 : hostPollIntervalInSeconds;
        if (hostPollIntervalInSeconds < MIN_POLL_SECONDS) {
            throw new IllegalArgumentException("ctk.fleet.host-poll-interval-in-seconds must be at least " + MIN_POLL_SECONDS
                    + " (JobRunr's minimum for a SQL database), not " + hostPollIntervalInSeconds);
        }
        nudgePort = nudgePort == null ? 0 : nudgePort;
        nudgeBind = nudgeBind == null || nudgeBind.isBlank() ? "0.0.0.0" : nudgeBind.strip();
        nudgeAddress = nudgeAddress == null || nudgeAddress.isBlank() ? machineAddress() : nudgeAddress.strip();
    }

    private static String machineAddress() {
        try {
            return InetAddress.getLocalHost().getHostAddress();
        } catch (UnknownHostException e) {
            return "127.0.0.1";
        }
    }
}
