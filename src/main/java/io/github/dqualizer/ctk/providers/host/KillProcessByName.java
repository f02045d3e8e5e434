package io.github.dqualizer.ctk.providers.host;

import io.github.dqualizer.ctk.auth.CredentialVerifier;
import io.github.dqualizer.ctk.influx.ResilienceMeasurements;
import io.github.dqualizer.ctk.providers.FunctionParameter;
import io.github.dqualizer.ctk.providers.RunContext;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code processKilling.kill_process_by_name}: kills every process of the name (forcibly, or
 * gracefully with a deadline); {@code false} when none runs. Refuses, killing nothing, when any
 * match is protected by the {@link ProcessGuard}.
 */
@Component
class KillProcessByName extends AuthenticatedHostFunction {

    private static final Logger log = LoggerFactory.getLogger(KillProcessByName.class);

    private final ProcessTable table;
    private final ProcessGuard guard;
    private final ProcessTerminator terminator;
    private final HostProperties properties;
    private final ResilienceMeasurements measurements;

    public KillProcessByName(CredentialVerifier verifier, ProcessTable table, ProcessGuard guard, ProcessTerminator terminator,
                             HostProperties properties, ResilienceMeasurements measurements) {
        super(verifier, "processKilling", "kill_process_by_name", FunctionParameter.required("process_name"),
                FunctionParameter.optional("graceful"), FunctionParameter.optional("grace_period_sec"));
        this.table = table;
        this.guard = guard;
        this.terminator = terminator;
        this.properties = properties;
        this.measurements = measurements;
    }

    @Override
    protected Object call(HostArguments arguments, RunContext context) throws InterruptedException {
        String processName = arguments.requiredString("process_name");
        boolean graceful = arguments.bool("graceful", false);
        Duration gracePeriod = arguments.seconds("grace_period_sec").orElse(properties.gracePeriod());
        guard.checkName(processName);

        List<RunningProcess> targets = table.matching(processName);
        if (targets.isEmpty()) {
            log.info("No process '{}' to kill", processName);
            return false;
        }
        guard.checkKillable(targets);

        ProcessKill.now(processName, targets.stream().map(RunningProcess::handle).collect(Collectors.toSet())).recordIn(context);
        log.info("Killing '{}' ({}): {}", processName, graceful ? "graceful, " + gracePeriod.toMillis() + " ms" : "forcibly", targets);
        terminator.terminate(targets.stream().map(RunningProcess::handle).toList(), graceful, gracePeriod);

        measurements.processRunning(context.runId(), processName, table.firstMatching(processName, Set.of()).isPresent());
        return true;
    }
}
