package io.github.dqualizer.ctk.jobs.dashboard;

/** The dashboard's address and port are taken by another process; explained by {@link DashboardPortInUseFailureAnalyzer}. */
class DashboardPortInUseException extends IllegalStateException {

    private final String address;
    private final int port;
    private final boolean hostTables;

    DashboardPortInUseException(String address, int port, Throwable cause) {
        this(address, port, false, cause);
    }

    /** @param hostTables the dashboard of the host's own tables ({@code ctk.dashboard.host-port}) */
    DashboardPortInUseException(String address, int port, boolean hostTables, Throwable cause) {
        super("Cannot serve the JobRunr dashboard on " + address + ":" + port + ": the port is in use", cause);
        this.address = address;
        this.port = port;
        this.hostTables = hostTables;
    }

    /** The environment variable that sets this port. */
    String variable() {
        return hostTables ? "CTK_DASHBOARD_HOST_PORT" : "CTK_DASHBOARD_PORT";
    }

    String property() {
        return hostTables ? "ctk.dashboard.host-port" : "ctk.dashboard.port";
    }

    String address() {
        return address;
    }

    int port() {
        return port;
    }
}
