package io.github.dqualizer.ctk.jobs.dashboard;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a busy dashboard port into one start-up message naming the setting to change, instead of a stack trace. */
class DashboardPortInUseFailureAnalyzer extends AbstractFailureAnalyzer<DashboardPortInUseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DashboardPortInUseException cause) {
        return new FailureAnalysis(
                "The JobRunr dashboard could not listen on " + cause.address() + ":" + cause.port()
                        + ": another process already uses port " + cause.port() + ".",
                "Stop the process listening on port " + cause.port() + ", or give the dashboard another port with "
                        + cause.variable() + " (property " + cause.property() + "), e.g. " + cause.variable() + "="
                        + (cause.port() + 2)
                        + ". CTK_DASHBOARD_ENABLED=false starts the service without the dashboard.",
                cause);
    }
}
