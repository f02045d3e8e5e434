package io.github.dqualizer.ctk.jobs.dashboard;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The JobRunr dashboard, served on its own port, always behind basic auth.
 *
 * @param enabled            serve the dashboard
 * @param address            interface to listen on (loopback by default: the dashboard can delete and requeue jobs)
 * @param port               port to listen on
 * @param hostPort           port of the second dashboard, over this instance's host's JobRunr tables (runs pinned
 *                           to this host, docs/adr/0008-fleet-routing.md); default {@code port + 1} (0 when port is
 *                           0: any free port); negative: not served
 * @param username           basic-auth user; when both username and password are empty, user {@code admin}
 *                           with a generated password is used
 * @param password           basic-auth password
 * @param passwordFile       where the generated password is kept; defaults to {@code dashboard-password} next to
 *                           the secrets key file ({@code ctk.secrets.key-file})
 * @param requireCredentials refuse to start unless username and password are configured (set in production)
 */
@ConfigurationProperties("ctk.dashboard")
record DashboardProperties(Boolean enabled, String address, Integer port, Integer hostPort, String username,
                                  String password,
                                  Path passwordFile, boolean requireCredentials) {

    public DashboardProperties {
        enabled = enabled == null || enabled;
        address = address == null || address.isBlank() ? "127.0.0.1" : address;
        port = port == null ? 8000 : port;
        hostPort = hostPort != null ? hostPort : port == 0 ? 0 : port + 1;
    }

    @Override
    public String toString() {
        return "DashboardProperties[enabled=" + enabled + ", address=" + address + ", port=" + port + ", hostPort=" + hostPort + ", username="
                + username + ", password=***, passwordFile=" + passwordFile + "]";
    }
}
