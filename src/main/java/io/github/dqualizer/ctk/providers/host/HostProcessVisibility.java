package io.github.dqualizer.ctk.providers.host;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Warns at start-up, and says in the health details ({@code hostProcesses}), when this service runs in its own PID
 * namespace: process faults then act on the container's processes only, not on the host's. Stays UP: every other
 * kind of experiment still works.
 */
@Component("hostProcesses")
class HostProcessVisibility implements HealthIndicator {

    static final String WARNING = "this service runs in its own PID namespace and cannot see the host's processes: "
            + "processKilling/processMonitoring act on its container's processes only and processStarting starts "
            + "programs from the container's file system; deploy it on the host (packaging/dqualizer-ctk.service) "
            + "or with pid: host (docs/operations.md)";

    private static final Logger log = LoggerFactory.getLogger(HostProcessVisibility.class);

    private final PidNamespace namespace;

    HostProcessVisibility() {
        this(PidNamespace.current());
    }

    HostProcessVisibility(PidNamespace namespace) {
        this.namespace = namespace;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warnIfPrivate() {
        if (namespace.isPrivate()) {
            log.warn(WARNING);
        }
    }

    @Override
    public Health health() {
        Health.Builder health = Health.up().withDetail("pid_namespace",
                !namespace.known() ? "unknown" : namespace.isPrivate() ? "private" : "host");
        return namespace.isPrivate() ? health.withDetail("warning", WARNING).build() : health.build();
    }
}
