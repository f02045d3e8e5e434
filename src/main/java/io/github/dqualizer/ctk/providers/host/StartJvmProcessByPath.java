package io.github.dqualizer.ctk.providers.host;

import io.github.dqualizer.ctk.auth.CredentialVerifier;
import io.github.dqualizer.ctk.providers.ActivityFailedException;
import io.github.dqualizer.ctk.providers.FunctionParameter;
import io.github.dqualizer.ctk.providers.RunContext;
import io.github.dqualizer.ctk.providers.process.ExecutablePolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * {@code processStarting.start_jvm_process_by_path}: starts {@code java -jar <path>} with this service's JDK; returns
 * the PID. The executable policy must list the jar (as written or its absolute path), or {@code java} (the name or
 * this JDK's launcher), which lets every jar run.
 */
@Component
class StartJvmProcessByPath extends AuthenticatedHostFunction {

    private final ProcessLauncher launcher;
    private final ProcessGuard guard;
    private final ExecutablePolicy executables;

    public StartJvmProcessByPath(CredentialVerifier verifier, ProcessLauncher launcher, ProcessGuard guard,
                                 ExecutablePolicy executables) {
        super(verifier, "processStarting", "start_jvm_process_by_path",
                FunctionParameter.required("path"), FunctionParameter.optional("process_name"));
        this.launcher = launcher;
        this.guard = guard;
        this.executables = executables;
    }

    @Override
    public Optional<String> executableRefusal(Map<?, ?> arguments, ExecutablePolicy policy) {
        return StartedPrograms.literalPath(arguments).filter(path -> !allows(policy, Path.of(path))).map(policy::refusal);
    }

    @Override
    protected Object call(HostArguments arguments, RunContext context) {
        Path jar = Path.of(arguments.requiredString("path"));
        if (!Files.isRegularFile(jar) || !Files.isReadable(jar)) {
            throw new ActivityFailedException("No readable jar file at " + jar);
        }
        if (!allows(executables, jar)) {
            throw new ActivityFailedException("Refused: " + executables.refusal(jar.toString()) + "; nothing was started");
        }
        List<String> names = new ArrayList<>();
        arguments.string("process_name").ifPresent(names::add);
        names.add(jar.getFileName().toString());
        guard.checkAllowed(names);
        return launcher.launch(List.of(javaLauncher().toString(), "-jar", jar.toAbsolutePath().toString()), jar).pid();
    }

    private static boolean allows(ExecutablePolicy policy, Path jar) {
        return policy.allows(jar.toString(), jar.toAbsolutePath().normalize().toString())
                || policy.allows("java", javaLauncher().toAbsolutePath().normalize().toString());
    }

    static Path javaLauncher() {
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        return Path.of(System.getProperty("java.home"), "bin", windows ? "java.exe" : "java");
    }
}
