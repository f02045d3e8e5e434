package io.github.dqualizer.ctk.pythonruntime;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The python side of one running experiment: one worker process, started at the first python call and kept for
 * the whole run so that module state lives as long as under chaoslib. If the worker is killed (cancellation) or
 * dies, the next call starts a new one (rollbacks after a cancel still run).
 */
public final class PythonSession implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PythonSession.class);

    private final WorkerLauncher launcher;
    private final String runId;
    private PythonWorker worker;
    private CompletableFuture<PythonWorker> starting; // a worker started ahead by prestart()
    private Thread starter;
    // module -> function -> whether it declares configuration or secrets, as the worker last said
    private final Map<String, Map<String, Boolean>> usesContext = new ConcurrentHashMap<>();
    private boolean closed;

    PythonSession(WorkerLauncher launcher, String runId) {
        this.launcher = launcher;
        this.runId = runId;
    }

    /**
     * Calls {@code module.func(**arguments)} as chaoslib's python provider does (6.1).
     *
     * @param arguments     the provider's arguments, already substituted
     * @param configuration the whole configuration, injected when the function declares {@code configuration}
     * @param secrets       all secret scopes
     * @param scopes        the provider's {@code secrets} value, or {@code null} when it has no such key (then
     *                      nothing is injected)
     * @throws InterruptedException the run was cancelled meanwhile: the worker has been killed
     */
    public PythonOutcome call(String module, String func, Map<String, Object> arguments, Map<String, Object> configuration,
            Map<String, Object> secrets, Object scopes) throws InterruptedException, PythonUnavailableException {
        Map<String, Boolean> known = usesContext.get(module);
        boolean lean = known != null && Boolean.FALSE.equals(known.get(func));
        Map<String, Object> response;
        try {
            response = worker().request(callRequest(module, func, arguments, configuration, secrets, scopes, lean));
            if (lean && response.containsKey("resend")) { // the function declares them after all
                lean = false;
                response = worker().request(callRequest(module, func, arguments, configuration, secrets, scopes, false));
            }
        } catch (WorkerDiedException e) {
            String message = "PythonWorkerDied: " + e.getMessage() + " while running " + module + "." + func;
            return new PythonOutcome.Failed(message, List.of("chaoslib.exceptions.ActivityFailed: " + message + "\n"));
        }
        if (!lean) {
            usesContext.computeIfAbsent(module, m -> new ConcurrentHashMap<>()).put(func, response.containsKey("ctx"));
        }
        return outcome(response);
    }

    /**
     * Calls a control hook ({@code configure_control}, {@code before_activity_control}, ...). Missing modules or
     * hooks do nothing, as under chaoslib.
     *
     * @param context  passed as {@code context} when not {@code null}
     * @param inject   values passed when the hook declares a parameter of that name
     */
    public ControlOutcome control(String module, String hook, Map<String, Object> arguments, Object context,
            boolean withContext, Map<String, Object> inject) throws InterruptedException, PythonUnavailableException {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("op", "control");
        request.put("module", module);
        request.put("hook", hook);
        request.put("arguments", arguments);
        if (withContext) {
            request.put("context", context);
        }
        request.put("inject", inject);
        Map<String, Object> response;
        try {
            response = worker().request(request);
        } catch (WorkerDiedException e) {
            return ControlOutcome.error("PythonWorkerDied", e.getMessage(), false);
        }
        return ControlOutcome.of(response);
    }

    /**
     * chaoslib passes {@code configuration} and {@code secrets} only to functions that declare them (6.1): a function
     * the worker said does not is sent a "lean" request without them (it answers "resend" if that changed).
     */
    private static Map<String, Object> callRequest(String module, String func, Map<String, Object> arguments,
            Map<String, Object> configuration, Map<String, Object> secrets, Object scopes, boolean lean) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("op", "call");
        request.put("module", module);
        request.put("func", func);
        if (!arguments.isEmpty()) {
            request.put("arguments", arguments);
        }
        if (lean) {
            request.put("lean", 1);
        } else {
            request.put("configuration", configuration);
            if (scopes != null) {
                request.put("scopes", scopes);
                request.put("secrets", secrets);
            }
        }
        return request;
    }

    /**
     * Starts the worker now on a thread of its own, so that it is ready (or nearly) when the run's first python
     * call comes, instead of that call waiting for the interpreter's start. A start that fails is reported by that
     * call, as without this.
     */
    public synchronized void prestart() {
        if (closed || worker != null || starting != null) {
            return;
        }
        CompletableFuture<PythonWorker> future = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                future.complete(launcher.start("run " + runId));
            } catch (Throwable e) {
                future.completeExceptionally(e);
            }
        }, "python-worker-start-" + runId);
        thread.setDaemon(true);
        starting = future;
        starter = thread;
        thread.start();
    }

    /** The interpreter of the current worker, for the benchmark; null before the first call. */
    synchronized String interpreter() {
        return worker == null ? null : worker.interpreter();
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (starting != null) { // never used: stop the start, and wait until no process is left
            starter.interrupt();
            PythonWorker started = awaitUninterruptibly(starting);
            starting = null;
            if (started != null) {
                worker = started;
            }
        }
        if (worker != null) {
            // a cancelled run ends with its thread interrupted: still wait for the worker to be gone
            boolean interrupted = Thread.interrupted();
            try {
                worker.close();
            } finally {
                worker = null;
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private synchronized PythonWorker worker() throws InterruptedException, PythonUnavailableException {
        if (closed) {
            throw new IllegalStateException("the python session of run " + runId + " is closed");
        }
        if (starting != null) {
            try {
                worker = starting.get(); // an interruption leaves the start to the rollbacks' calls or to close()
                starting = null;
            } catch (ExecutionException e) {
                starting = null;
                if (e.getCause() instanceof PythonUnavailableException unavailable) {
                    throw new PythonUnavailableException(unavailable.getMessage());
                }
                log.debug("Python worker start ahead of run {} failed; starting one now", runId, e.getCause());
            }
        }
        if (worker == null || !worker.alive()) {
            if (worker != null) {
                worker.kill();
            }
            worker = launcher.start("run " + runId);
            log.debug("Python worker {} started for run {}", worker.pid(), runId);
        }
        return worker;
    }

    private static PythonWorker awaitUninterruptibly(CompletableFuture<PythonWorker> future) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return future.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    return null;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static PythonOutcome outcome(Map<String, Object> response) {
        if (response.containsKey("output")) {
            return new PythonOutcome.Returned(response.get("output"));
        }
        if (response.get("failed") instanceof Map<?, ?> failed) {
            return new PythonOutcome.Failed(String.valueOf(failed.get("message")), (List<String>) failed.get("exception"));
        }
        if (response.get("interrupt") instanceof Map<?, ?> interrupt) {
            return new PythonOutcome.Interrupted(String.valueOf(interrupt.get("type")), String.valueOf(interrupt.get("message")));
        }
        Map<?, ?> crash = response.get("crash") instanceof Map<?, ?> c ? c : Map.of();
        return new PythonOutcome.Crashed(String.valueOf(crash.get("type")), String.valueOf(crash.get("message")));
    }
}
