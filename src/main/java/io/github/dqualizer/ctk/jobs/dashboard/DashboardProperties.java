package io.github.dqualizer.ctk.jobs.dashboard;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The JobRunr dashboard, served on its own port.
 *
 * @param enabled  serve the dashboard
 * @param address  interface to listen on (loopback by default: the dashboard can delete and requeue jobs)
 * @param port     port to listen on
 * @param username basic-auth user; the dashboard is open only when both username and password are empty
 * @param password basic-auth password
 */
@ConfigurationProperties("ctk.dashboard")
public record DashboardProperties(Boolean enabled, String address, Integer port, String username, String password) {

    public DashboardProperties {
        enabled = enabled == null || enabled;
        address = address == null || address.isBlank() ? "127.0.0.1" : address;
        port = port == null ? 8000 : port;
    }

    boolean secured() {
        return username != null && !username.isBlank() && password != null && !password.isBlank();
    }
}
