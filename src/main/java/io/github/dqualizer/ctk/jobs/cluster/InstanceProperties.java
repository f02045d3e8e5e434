package io.github.dqualizer.ctk.jobs.cluster;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where this instance runs, as runs, journals and the dashboard name it.
 *
 * @param host the host name of this instance (env {@code CTK_INSTANCE_HOST}); defaults to the machine's host name.
 *             Host-process faults act on this host's processes, so give every host of a fleet its own name.
 */
@ConfigurationProperties("ctk.instance")
public record InstanceProperties(String host) {

    public InstanceProperties {
        host = host == null || host.isBlank() ? machineHostName() : host.strip();
    }

    static String machineHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            String env = System.getenv("HOSTNAME");
            return env == null || env.isBlank() ? "localhost" : env;
        }
    }
}
