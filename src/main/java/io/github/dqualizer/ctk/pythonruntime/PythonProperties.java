package io.github.dqualizer.ctk.pythonruntime;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the Python runtime ({@code ctk.python.*}) that runs python activities and controls of modules that
 * are not built into the service.
 *
 * @param executable          the interpreter: a name looked up on the {@code PATH} or a path (env
 *                            {@code CTK_PYTHON_EXECUTABLE}); its environment, {@code PYTHONPATH} and virtualenv
 *                            decide which extensions are importable
 * @param validationProcesses at most this many Python processes import modules for validation at the same time;
 *                            further validations wait for one
 * @param importTimeout       how long validation waits for a module's import and signature check before refusing
 *                            the experiment
 * @param path                directories put in front of the worker's {@code PYTHONPATH} (e.g. a directory of a
 *                            team's own modules)
 */
@ConfigurationProperties("ctk.python")
public record PythonProperties(String executable, int validationProcesses, Duration importTimeout, List<String> path) {

    public PythonProperties {
        path = path == null ? List.of() : List.copyOf(path);
        executable = executable == null || executable.isBlank() ? "python3" : executable.strip();
        validationProcesses = validationProcesses <= 0 ? 2 : validationProcesses;
        importTimeout = importTimeout == null || importTimeout.isNegative() || importTimeout.isZero()
                ? Duration.ofSeconds(30) : importTimeout;
    }

    public static PythonProperties defaults() {
        return new PythonProperties(null, 0, null, null);
    }

    public PythonProperties withExecutable(String executable) {
        return new PythonProperties(executable, validationProcesses, importTimeout, path);
    }

    public PythonProperties withPath(List<String> path) {
        return new PythonProperties(executable, validationProcesses, importTimeout, path);
    }
}
