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
 */
@ConfigurationProperties("ctk.fleet")
record FleetProperties(Integer nudgePort, String nudgeBind, String nudgeAddress) {

    public FleetProperties {
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
