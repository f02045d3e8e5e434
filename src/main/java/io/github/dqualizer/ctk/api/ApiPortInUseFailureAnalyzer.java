package io.github.dqualizer.ctk.api;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.core.Ordered;

/**
 * A busy API port, said with the setting this service reads ({@code PORT}); ordered before Spring Boot's own
 * analyzer, which only speaks of "this application".
 */
class ApiPortInUseFailureAnalyzer extends AbstractFailureAnalyzer<PortInUseException> implements Ordered {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, PortInUseException cause) {
        return new FailureAnalysis(
                "The API could not listen on port " + cause.getPort() + ": another process already uses it.",
                "Stop the process listening on port " + cause.getPort() + ", or start the service on another port with "
                        + "PORT (property server.port), e.g. PORT=" + (cause.getPort() + 1) + ".",
                cause);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
