package io.github.dqualizer.ctk.jobs.fleet;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health component {@code hostJobServer}: DOWN while the job server of this host's table set does not run (JobRunr
 * stopped it during a database outage, until the watchdog restarts it), as JobRunr's own component says for the
 * shared-tables server. Every run with host-process activities executes there, so an instance whose host server is
 * stopped cannot run them. UP on an accept-only instance, which executes nothing.
 */
@Component("hostJobServerHealthIndicator") // the component is named without the suffix
class HostJobServerHealth implements HealthIndicator {

    private final HostJobServer hostJobServer;

    HostJobServerHealth(HostJobServer hostJobServer) {
        this.hostJobServer = hostJobServer;
    }

    @Override
    public Health health() {
        return hostJobServer.serverStopped() ? Health.down().build() : Health.up().build();
    }
}
