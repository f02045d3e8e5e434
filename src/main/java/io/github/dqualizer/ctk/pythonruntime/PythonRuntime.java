package io.github.dqualizer.ctk.pythonruntime;

import io.github.dqualizer.ctk.safety.ChildEnvironment;
import java.util.concurrent.Semaphore;
import org.springframework.stereotype.Component;

/**
 * Entry point of the Python runtime: a {@link PythonSession} per running experiment (one worker process, started
 * at its first python call) and a {@link PythonInspection} per validation (a short-lived worker; at most
 * {@code ctk.python.validation-processes} of them at a time).
 */
@Component
public class PythonRuntime {

    private final PythonProperties properties;
    private final WorkerLauncher launcher;
    private final Semaphore validationProcesses;

    public PythonRuntime(PythonProperties properties, ChildEnvironment childEnvironment) {
        this.properties = properties;
        this.launcher = new WorkerLauncher(properties, childEnvironment);
        this.validationProcesses = new Semaphore(properties.validationProcesses(), true);
    }

    public static PythonRuntime withDefaults() {
        return new PythonRuntime(PythonProperties.defaults(), ChildEnvironment.defaults());
    }

    public PythonProperties properties() {
        return properties;
    }

    /** The python calls of one run; close it when the run ends (that ends its worker). */
    public PythonSession session(String runId) {
        return new PythonSession(launcher, runId);
    }

    /** Import checks for one validation; close it when the validation ends. */
    public PythonInspection inspection() {
        return new PythonInspection(launcher, validationProcesses);
    }

    /** Starts a worker and stops it again, for the benchmark of the start-up. */
    public long measureStartNanos() throws PythonUnavailableException, InterruptedException {
        long start = System.nanoTime();
        try (PythonWorker worker = launcher.start("start-up measurement")) {
            return System.nanoTime() - start;
        }
    }
}
