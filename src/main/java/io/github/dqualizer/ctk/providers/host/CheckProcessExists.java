package io.github.dqualizer.ctk.providers.host;

import io.github.dqualizer.ctk.auth.CredentialVerifier;
import io.github.dqualizer.ctk.influx.ResilienceMeasurements;
import io.github.dqualizer.ctk.providers.FunctionParameter;
import io.github.dqualizer.ctk.providers.RunContext;
import java.util.Set;
import org.springframework.stereotype.Component;

/** {@code processMonitoring.check_process_exists}: whether a process of the name runs. */
@Component
class CheckProcessExists extends AuthenticatedHostFunction {

    private final ProcessTable table;
    private final ResilienceMeasurements measurements;

    public CheckProcessExists(CredentialVerifier verifier, ProcessTable table, ResilienceMeasurements measurements) {
        super(verifier, "processMonitoring", "check_process_exists",
                FunctionParameter.required("process_name"), FunctionParameter.optional("log_result_in_influx_db"));
        this.table = table;
        this.measurements = measurements;
    }

    @Override
    protected Object call(HostArguments arguments, RunContext context) {
        String processName = arguments.requiredString("process_name");
        boolean running = table.firstMatching(processName, Set.of()).isPresent();
        if (arguments.bool("log_result_in_influx_db", false)) {
            measurements.processRunning(context.runId(), processName, running);
        }
        return running;
    }
}
