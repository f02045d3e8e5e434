package io.github.dqualizer.ctk.jobs.dashboard;

/** The dashboard's address and port are taken by another process; explained by {@link DashboardPortInUseFailureAnalyzer}. */
class DashboardPortInUseException extends IllegalStateException {

    private final String address;
    private final int port;

    DashboardPortInUseException(String address, int port, Throwable cause) {
        super("Cannot serve the JobRunr dashboard on " + address + ":" + port + ": the port is in use", cause);
        this.address = address;
        this.port = port;
    }

    String address() {
        return address;
    }

    int port() {
        return port;
    }
}
