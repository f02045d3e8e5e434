package io.github.dqualizer.ctk.pythonruntime;

import io.github.dqualizer.ctk.osprocess.ProcessLiveness;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * One Python worker process and its line protocol: requests are written to its stdin and matched with their
 * responses by id, so that concurrent requests (background activities) are fine. There is no reader thread: a
 * waiting caller reads the worker's stdout itself (one at a time), keeps the responses of others for them and wakes
 * them, so a foreground call costs no thread hand-off on this side. A read from a pipe cannot be interrupted, so
 * {@link ReadWatch} kills the worker of a reader whose thread is interrupted (or whose deadline has passed) within
 * a tenth of a second; a caller interrupted while waiting kills the worker (and its child processes) before it returns.
 */
final class PythonWorker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PythonWorker.class);
    private static final JsonMapper JSON = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration EXIT_WAIT = Duration.ofSeconds(1);
    private static final int STDERR_TAIL = 2000;
    private static final long READY = 0; // the id under which the start-up answer is kept

    private final Process process;
    private final Writer stdin;
    private final BufferedReader stdout;
    private final String label;
    private final AtomicLong ids = new AtomicLong();
    private final StringBuilder stderrTail = new StringBuilder();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private final Map<Long, Map<String, Object>> responses = new HashMap<>(); // guarded by lock
    private final Set<Long> awaited = new HashSet<>(); // guarded by lock
    private boolean reading; // guarded by lock: a caller is reading stdout
    private volatile Map<String, Object> readyAnswer = Map.of();
    private volatile String death;
    volatile Thread reader; // for ReadWatch
    volatile long readDeadline; // System.nanoTime() after which ReadWatch kills the worker; 0: none
    private volatile List<ProcessHandle> destroyedChildren = List.of();

    private PythonWorker(Process process, String label) {
        this.process = process;
        this.label = label;
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        this.stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
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
        worker.startStderrThread();
        ReadWatch.watch(worker);
        try {
            worker.readyAnswer = worker.await(READY, System.nanoTime() + START_TIMEOUT.toNanos());
            return worker;
        } catch (WorkerDiedException e) {
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
        Object path = readyAnswer.get("executable");
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
        if (death != null) {
            throw new WorkerDiedException(death);
        }
        Map<String, Object> message = new LinkedHashMap<>(request);
        message.put("id", id);
        lock.lock();
        try {
            awaited.add(id);
        } finally {
            lock.unlock();
        }
        try {
            String line = JSON.writeValueAsString(message);
            synchronized (stdin) {
                stdin.write(line);
                stdin.write('\n');
                stdin.flush();
            }
        } catch (IOException | JacksonException e) {
            forget(id);
            throw new WorkerDiedException(death != null ? death : "the worker does not take requests: " + e.getMessage());
        }
        return await(id, timeout == null ? 0 : System.nanoTime() + timeout.toNanos());
    }

    /**
     * Waits for the response {@code id}: reads stdout itself when no other caller does, else sleeps until the
     * reader has kept it here. {@code deadline} 0: none.
     */
    private Map<String, Object> await(long id, long deadline)
            throws InterruptedException, WorkerDiedException, TimeoutException {
        boolean done = false;
        lock.lock();
        try {
            while (true) {
                Map<String, Object> response = responses.remove(id);
                if (response != null) {
                    done = true;
                    return response;
                }
                if (death != null) {
                    done = true;
                    throw new WorkerDiedException(death);
                }
                if (deadline != 0 && System.nanoTime() - deadline >= 0) {
                    throw new TimeoutException();
                }
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
                if (!reading) {
                    reading = true;
                    lock.unlock();
                    String line;
                    try {
                        line = readLine(deadline);
                    } finally {
                        lock.lock();
                        reading = false;
                        arrived.signalAll(); // another waiter takes over reading, or finds its response
                    }
                    if (line == null) {
                        lock.unlock();
                        try {
                            died();
                        } finally {
                            lock.lock();
                        }
                    } else {
                        keep(line);
                    }
                } else if (deadline != 0) {
                    arrived.awaitNanos(Math.max(1, deadline - System.nanoTime()));
                } else {
                    arrived.await();
                }
            }
        } catch (InterruptedException | TimeoutException e) {
            awaited.remove(id);
            responses.remove(id);
            lock.unlock();
            kill();
            lock.lock(); // for the finally
            throw e;
        } finally {
            if (done) {
                awaited.remove(id);
            }
            lock.unlock();
        }
    }

    /** Reads one line on the calling thread, under {@link ReadWatch}; null: the worker's output has ended. */
    private String readLine(long deadline) throws InterruptedException, TimeoutException {
        readDeadline = deadline;
        reader = Thread.currentThread();
        String line;
        try {
            line = stdout.readLine();
        } catch (IOException e) {
            line = null; // the pipe broke: the process is gone
        } finally {
            reader = null;
            readDeadline = 0;
        }
        if (Thread.currentThread().isInterrupted()) {
            Thread.interrupted();
            throw new InterruptedException(); // ReadWatch killed the worker (or is about to: the caller kills it)
        }
        if (line == null && deadline != 0 && System.nanoTime() - deadline >= 0) {
            throw new TimeoutException();
        }
        return line;
    }

    /** With the lock held: a line read from stdout, kept for whoever waits for it. */
    @SuppressWarnings("unchecked")
    private void keep(String line) {
        Map<String, Object> response;
        try {
            response = JSON.readValue(line, Map.class);
        } catch (JacksonException e) {
            log.warn("Python worker {} ({}) wrote a line that is not a response; ignored", process.pid(), label);
            return;
        }
        if (response.containsKey("ready")) {
            responses.put(READY, response);
        } else if (response.get("id") instanceof Number id && awaited.contains(id.longValue())) {
            responses.put(id.longValue(), response);
        }
    }

    private void forget(long id) {
        lock.lock();
        try {
            awaited.remove(id);
            responses.remove(id);
        } finally {
            lock.unlock();
        }
    }

    /** Closing stdin makes the worker exit at once; it is killed if it has not within a second. */
    @Override
    public void close() {
        ReadWatch.forget(this);
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
        ReadWatch.forget(this);
        List<ProcessHandle> children = new ArrayList<>(process.descendants().toList());
        children.addAll(destroyedChildren); // ReadWatch may have killed the worker first
        process.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
        long deadline = System.nanoTime() + EXIT_WAIT.toNanos();
        try {
            process.onExit().get(EXIT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            // the children are not ours to wait for: poll until SIGKILL has taken them
            for (ProcessHandle child : children) {
                while (ProcessLiveness.running(child) && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            log.warn("Python worker {} ({}) did not exit within {} after SIGKILL", process.pid(), label, EXIT_WAIT);
        }
    }

    /** For {@link ReadWatch}: ends a blocked read; its reader then kills the rest. */
    void destroy() {
        List<ProcessHandle> children = process.descendants().toList(); // before they lose their parent
        destroyedChildren = children;
        process.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
    }

    private void startStderrThread() {
        Thread errors = new Thread(this::drainStderr, "python-worker-" + process.pid() + "-err");
        errors.setDaemon(true);
        errors.start();
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
        ReadWatch.forget(this);
        lock.lock();
        try {
            arrived.signalAll(); // the other waiters fail with the death
        } finally {
            lock.unlock();
        }
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
                if (readyAnswer.isEmpty()) {
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
