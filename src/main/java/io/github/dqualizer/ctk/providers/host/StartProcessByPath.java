package io.github.dqualizer.ctk.providers.host;

import io.github.dqualizer.ctk.auth.CredentialVerifier;
import io.github.dqualizer.ctk.influx.ResilienceMeasurements;
import io.github.dqualizer.ctk.providers.ActivityFailedException;
import io.github.dqualizer.ctk.providers.FunctionParameter;
import io.github.dqualizer.ctk.providers.RunContext;
import io.github.dqualizer.ctk.providers.process.ExecutablePolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** {@code processStarting.start_process_by_path}: starts the executable at the path (the prototype only asked for it); returns the PID. */
@Component
class StartProcessByPath extends AuthenticatedHostFunction {

    private final ProcessLauncher launcher;
    private final ProcessGuard guard;
    private final ResilienceMeasurements measurements;
    private final ExecutablePolicy executables;

    public StartProcessByPath(CredentialVerifier verifier, ProcessLauncher launcher, ProcessGuard guard,
                              ResilienceMeasurements measurements, ExecutablePolicy executables) {
        super(verifier, "processStarting", "start_process_by_path",
                FunctionParameter.required("path"), FunctionParameter.optional("log_result_in_influx_db"));
        this.launcher = launcher;
        this.guard = guard;
        this.measurements = measurements;
        this.executables = executables;
    }

    @Override
    public Optional<String> executableRefusal(Map<?, ?> arguments, ExecutablePolicy policy) {
        return StartedPrograms.literalPath(arguments).filter(path -> !allows(policy, Path.of(path))).map(policy::refusal);
    }

    @Override
    protected Object call(HostArguments arguments, RunContext context) {
        Path program = Path.of(arguments.requiredString("path"));
        if (!Files.isRegularFile(program)) {
            throw new ActivityFailedException("No program file at " + program);
        }
        if (!Files.isExecutable(program)) {
            throw new ActivityFailedException("Program at " + program + " is not executable");
        }
        if (!allows(executables, program)) {
            throw new ActivityFailedException("Refused: " + executables.refusal(program.toString()) + "; nothing was started");
        }
        String name = program.getFileName().toString();
        guard.checkAllowed(List.of(name));
        Process process = launcher.launch(List.of(program.toAbsolutePath().toString()), program);
        if (arguments.bool("log_result_in_influx_db", false)) {
            measurements.processRunning(context.runId(), name, process.isAlive());
        }
        return process.pid();
    }

    private static boolean allows(ExecutablePolicy policy, Path program) {
        return policy.allows(program.toString(), program.toAbsolutePath().normalize().toString());
    }
}
