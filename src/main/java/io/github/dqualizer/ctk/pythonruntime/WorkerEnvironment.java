package io.github.dqualizer.ctk.pythonruntime;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The environment a Python worker starts with: the service's own, so that {@code PYTHONPATH}, a virtualenv's
 * {@code PATH} and installed extensions are found as {@code chaos run} finds them. The one place that decides
 * it, so that the execution-safety policy can narrow it.
 */
final class WorkerEnvironment {

    private WorkerEnvironment() {
    }

    /**
     * Turns {@code environment} (a {@link ProcessBuilder}'s, which starts as the service's own) into the worker's:
     * {@code ctk.python.path} goes in front of {@code PYTHONPATH}.
     */
    static void apply(Map<String, String> environment, List<String> pythonPath) {
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
