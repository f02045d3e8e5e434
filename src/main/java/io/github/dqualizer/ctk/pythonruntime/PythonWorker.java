package io.github.dqualizer.ctk.pythonruntime;

import io.github.dqualizer.ctk.safety.ChildEnvironment;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * One Python worker process and its line protocol: requests are written to its stdin, responses read from its
 * stdout by a reader thread and matched by id, so that concurrent requests (background activities) are fine.
 * A caller interrupted while waiting kills the worker (and its child processes) before it returns.
 */
final class PythonWorker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PythonWorker.class);
    private static final JsonMapper JSON = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration EXIT_WAIT = Duration.ofSeconds(1);
    private static final int STDERR_TAIL = 2000;

    private final Process process;
    private final Writer stdin;
    private final String label;
    private final CompletableFuture<Map<String, Object>> ready = new CompletableFuture<>();
    private final Map<Long, CompletableFuture<Map<String, Object>>> pending = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final StringBuilder stderrTail = new StringBuilder();
    private volatile String death;

    private PythonWorker(Process process, String label) {
        this.process = process;
        this.label = label;
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    }

    /** Starts a worker and waits until it answers; {@code label} names its purpose in thread names and logs. */
    static PythonWorker start(String executable, PythonProperties properties, ChildEnvironment environment,
            String label) throws PythonUnavailableException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(executable, WorkerScript.path().toString());
        WorkerEnvironment.apply(builder, environment, properties.path());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new PythonUnavailableException("ctk.python.executable '" + executable + "' cannot be started ("
                    + e.getMessage() + ")");
        }
        PythonWorker worker = new PythonWorker(process, label);
        worker.startThreads();
        try {
            worker.ready.get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return worker;
        } catch (ExecutionException e) {
            worker.kill();
            throw new PythonUnavailableException("ctk.python.executable '" + executable
                    + "' is not a usable Python 3 interpreter: " + worker.death + worker.stderrTail());
        } catch (TimeoutException e) {
            worker.kill();
            throw new PythonUnavailableException("ctk.python.executable '" + executable + "' did not start the worker within "
                    + START_TIMEOUT.toSeconds() + " s");
        } catch (InterruptedException e) {
            worker.kill();
            throw e;
        }
    }

    /** The interpreter's own path ({@code sys.executable}) as it reported it when it started. */
    String interpreter() {
        Object path = ready.getNow(Map.of()).get("executable");
        return path instanceof String p && !p.isEmpty() ? p : null;
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return death == null && process.isAlive();
    }

    /** Sends one request and waits for its response; interruption kills the worker. */
    Map<String, Object> request(Map<String, Object> request) throws InterruptedException, WorkerDiedException {
        try {
            return request(request, null);
        } catch (TimeoutException e) {
            throw new IllegalStateException("no timeout was set", e);
        }
    }

    /** As {@link #request(Map)}, giving up (and killing the worker) after {@code timeout} when it is not null. */
    Map<String, Object> request(Map<String, Object> request, Duration timeout)
            throws InterruptedException, WorkerDiedException, TimeoutException {
        long id = ids.incrementAndGet();
        CompletableFuture<Map<String, Object>> response = new CompletableFuture<>();
        pending.put(id, response);
        if (death != null) {
            pending.remove(id);
            throw new WorkerDiedException(death);
        }
        Map<String, Object> message = new LinkedHashMap<>(request);
        message.put("id", id);
        try {
            String line = JSON.writeValueAsString(message);
            synchronized (stdin) {
                stdin.write(line);
                stdin.write('\n');
                stdin.flush();
            }
        } catch (IOException | JacksonException e) {
            pending.remove(id);
            throw new WorkerDiedException(death != null ? death : "the worker does not take requests: " + e.getMessage());
        }
        try {
            return timeout == null ? response.get() : response.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new WorkerDiedException(e.getCause().getMessage());
        } catch (InterruptedException | TimeoutException e) {
            pending.remove(id);
            kill();
            throw e;
        }
    }

    /** Closing stdin makes the worker exit at once; it is killed if it has not within a second. */
    @Override
    public void close() {
        try {
            synchronized (stdin) {
                stdin.close();
            }
        } catch (IOException e) {
            // already gone
        }
        try {
            if (!process.waitFor(EXIT_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            kill();
            Thread.currentThread().interrupt();
        }
    }

    /** Kills the worker and every process it started, and waits (up to a second) until it is gone. */
    void kill() {
        List<ProcessHandle> children = new ArrayList<>(process.descendants().toList());
        process.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
        long deadline = System.nanoTime() + EXIT_WAIT.toNanos();
        try {
            process.onExit().get(EXIT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            // the children are not ours to wait for: poll until SIGKILL has taken them
            for (ProcessHandle child : children) {
                while (!ProcessGone.gone(child) && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            log.warn("Python worker {} ({}) did not exit within {} after SIGKILL", process.pid(), label, EXIT_WAIT);
        }
    }

    private void startThreads() {
        Thread reader = new Thread(this::readResponses, "python-worker-" + process.pid() + "-out");
        reader.setDaemon(true);
        reader.start();
        Thread errors = new Thread(this::drainStderr, "python-worker-" + process.pid() + "-err");
        errors.setDaemon(true);
        errors.start();
    }

    @SuppressWarnings("unchecked")
    private void readResponses() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                Map<String, Object> response;
                try {
                    response = JSON.readValue(line, Map.class);
                } catch (JacksonException e) {
                    log.warn("Python worker {} ({}) wrote a line that is not a response; ignored", process.pid(), label);
                    continue;
                }
                if (response.containsKey("ready")) {
                    ready.complete(response);
                } else if (response.get("id") instanceof Number id) {
                    CompletableFuture<Map<String, Object>> waiting = pending.remove(id.longValue());
                    if (waiting != null) {
                        waiting.complete(response);
                    }
                }
            }
        } catch (IOException e) {
            // the pipe broke: the process is gone
        }
        died();
    }

    private void died() {
        String description;
        try {
            if (process.waitFor(EXIT_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                description = describeExit(process.exitValue());
            } else {
                description = "closed its output";
            }
        } catch (InterruptedException e) {
            description = "closed its output";
        }
        death = "the Python worker (pid " + process.pid() + ") " + description;
        WorkerDiedException failure = new WorkerDiedException(death);
        ready.completeExceptionally(failure);
        pending.values().forEach(waiting -> waiting.completeExceptionally(failure));
        pending.clear();
    }

    private static String describeExit(int code) {
        if (code > 128 && code < 160) {
            int signal = code - 128;
            return "was killed by signal " + signal + (signal == 9 ? " (SIGKILL)" : signal == 15 ? " (SIGTERM)" : "");
        }
        return "exited with status " + code;
    }

    private void drainStderr() {
        try (BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = err.readLine()) != null) {
                // what the called code prints; at debug only, since it may print anything
                log.debug("python worker {} ({}): {}", process.pid(), label, line);
                if (!ready.isDone()) {
                    synchronized (stderrTail) {
                        stderrTail.append(line).append('\n');
                        if (stderrTail.length() > STDERR_TAIL) {
                            stderrTail.delete(0, stderrTail.length() - STDERR_TAIL);
                        }
                    }
                }
            }
        } catch (IOException e) {
            // the process is gone
        }
    }

    /** What the interpreter printed before it could answer (e.g. a Python 2 syntax error), for the start failure. */
    private String stderrTail() {
        synchronized (stderrTail) {
            String tail = stderrTail.toString().strip();
            return tail.isEmpty() ? "" : ": " + tail.lines().reduce((a, b) -> b).orElse("");
        }
    }
}
