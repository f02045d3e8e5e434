package io.github.dqualizer.ctk.pythonruntime;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeoutException;

/**
 * chaoslib's {@code validate_python_activity} for one validation: a fresh worker (started at the first module to
 * check, so a module installed meanwhile is found, like a new {@code chaos run}) imports each module, finds the
 * function and binds the arguments. Holds one of the bounded validation permits while its worker lives.
 */
public final class PythonInspection implements AutoCloseable {

    private final WorkerLauncher launcher;
    private final PythonProperties properties;
    private final Semaphore permits;
    private PythonWorker worker;
    private boolean holdsPermit;
    private String unavailable;

    PythonInspection(WorkerLauncher launcher, Semaphore permits) {
        this.launcher = launcher;
        this.properties = launcher.properties();
        this.permits = permits;
    }

    /**
     * @return chaoslib's validation message for this activity, empty when the activity is valid
     * @throws PythonUnavailableException no interpreter could be started with {@code ctk.python.executable}
     */
    public Optional<String> inspect(String module, String func, Map<?, ?> arguments, String activityName,
            String activityType) throws PythonUnavailableException, InterruptedException {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("op", "inspect");
        request.put("module", module);
        request.put("func", func);
        request.put("arguments", arguments);
        request.put("name", activityName);
        request.put("type", activityType);
        try {
            Map<String, Object> response = worker().request(request, properties.importTimeout());
            if (response.containsKey("problem")) {
                return Optional.ofNullable((String) response.get("problem"));
            }
            Map<?, ?> crash = response.get("crash") instanceof Map<?, ?> c ? c : Map.of();
            return Optional.of("checking Python module '" + module + "' in activity '" + activityName + "' failed: "
                    + crash.get("type") + ": " + crash.get("message"));
        } catch (TimeoutException e) {
            worker = null;
            return Optional.of("importing Python module '" + module + "' in activity '" + activityName
                    + "' took longer than " + properties.importTimeout().toSeconds() + " s (ctk.python.import-timeout)");
        } catch (WorkerDiedException e) {
            worker = null;
            return Optional.of("importing Python module '" + module + "' in activity '" + activityName
                    + "' ended its Python process: " + e.getMessage());
        }
    }

    /**
     * chaoslib's {@code validate_python_control}: a module that cannot be imported passes (chaoslib only warns);
     * a module exposing {@code validate_control(control)} may refuse the control by raising.
     *
     * @return the refusal ({@code <message>} of the raised exception), empty when the control is accepted
     */
    public Optional<String> validateControl(String module, Map<?, ?> control)
            throws PythonUnavailableException, InterruptedException {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("op", "validate_control");
        request.put("module", module);
        request.put("control", control);
        try {
            Map<String, Object> response = worker().request(request, properties.importTimeout());
            return Optional.ofNullable((String) response.get("problem"));
        } catch (TimeoutException e) {
            worker = null;
            return Optional.of("importing Python module '" + module + "' took longer than "
                    + properties.importTimeout().toSeconds() + " s (ctk.python.import-timeout)");
        } catch (WorkerDiedException e) {
            worker = null;
            return Optional.of("importing Python module '" + module + "' ended its Python process: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        if (worker != null) {
            worker.close();
            worker = null;
        }
        if (holdsPermit) {
            holdsPermit = false;
            permits.release();
        }
    }

    private PythonWorker worker() throws PythonUnavailableException, InterruptedException {
        if (unavailable != null) {
            throw new PythonUnavailableException(unavailable);
        }
        if (worker != null && worker.alive()) {
            return worker;
        }
        if (!holdsPermit) {
            permits.acquire();
            holdsPermit = true;
        }
        try {
            worker = launcher.start("validation");
            return worker;
        } catch (PythonUnavailableException e) {
            unavailable = e.getMessage();
            throw e;
        }
    }
}
