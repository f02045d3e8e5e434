package io.github.dqualizer.ctk.jobs.dashboard;

/** The one account that may use the dashboard; {@link #toString()} never shows the password. */
record DashboardCredentials(String username, String password) {

    @Override
    public String toString() {
        return "DashboardCredentials[username=" + username + ", password=***]";
    }
}
