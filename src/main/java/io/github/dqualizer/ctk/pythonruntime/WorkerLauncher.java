package io.github.dqualizer.ctk.pythonruntime;

import io.github.dqualizer.ctk.safety.ChildEnvironment;

/**
 * Starts workers with {@code ctk.python.executable}. After the first start it uses the interpreter that the
 * executable turned out to be ({@code sys.executable}): a launcher such as a pyenv shim then resolves the
 * interpreter once instead of at every run (on a busy host the shim alone takes longer than the worker).
 */
final class WorkerLauncher {

    private final PythonProperties properties;
    private final ChildEnvironment environment;
    private volatile String resolved;

    WorkerLauncher(PythonProperties properties, ChildEnvironment environment) {
        this.properties = properties;
        this.environment = environment;
    }

    PythonProperties properties() {
        return properties;
    }

    PythonWorker start(String label) throws PythonUnavailableException, InterruptedException {
        String known = resolved;
        if (known != null) {
            try {
                return PythonWorker.start(known, properties, environment, label);
            } catch (PythonUnavailableException e) {
                resolved = null; // the interpreter moved (e.g. a virtualenv was rebuilt): resolve again
            }
        }
        PythonWorker worker = PythonWorker.start(properties.executable(), properties, environment, label);
        if (worker.interpreter() != null) {
            resolved = worker.interpreter();
        }
        return worker;
    }
}
