package io.github.dqualizer.ctk.pythonruntime;

import io.github.dqualizer.ctk.safety.ChildEnvironment;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The environment a Python worker starts with: what every child process of an experiment gets
 * ({@link ChildEnvironment}: the service's environment less its own variables), so that {@code PYTHONPATH}, a
 * virtualenv's {@code PATH} and installed extensions are found as {@code chaos run} finds them.
 */
final class WorkerEnvironment {

    private WorkerEnvironment() {
    }

    /**
     * Turns the builder's environment (the service's own) into the worker's: the child environment, with
     * {@code ctk.python.path} in front of {@code PYTHONPATH}.
     */
    static void apply(ProcessBuilder builder, ChildEnvironment childEnvironment, List<String> pythonPath) {
        childEnvironment.applyTo(builder);
        Map<String, String> environment = builder.environment();
        if (!pythonPath.isEmpty()) {
            List<String> entries = new ArrayList<>(pythonPath);
            String inherited = environment.get("PYTHONPATH");
            if (inherited != null && !inherited.isEmpty()) {
                entries.add(inherited);
            }
            environment.put("PYTHONPATH", String.join(File.pathSeparator, entries));
        }
    }
}
