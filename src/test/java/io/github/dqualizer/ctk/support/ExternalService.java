package io.github.dqualizer.ctk.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.json.JsonMapper;

import static org.awaitility.Awaitility.await;

/**
 * The service as a separate OS process (its own JVM, started from the test classpath) that a test
 * can kill -9 or SIGTERM; its output goes to a log file whose tail is shown when it fails to start.
 */
public final class ExternalService implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Process process;
    private final int port;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private ExternalService(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the service with the given properties and waits until its health endpoint answers. */
    public static ExternalService start(Map<String, String> properties, Path log) {
        return start(properties, Map.of(), log);
    }

    /** As {@link #start(Map, Path)}, with {@code environment} added to the OS environment the service inherits. */
    public static ExternalService start(Map<String, String> properties, Map<String, String> environment, Path log) {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx384m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), "io.github.dqualizer.ctk.CtkApplication",
                "--server.port=" + port, "--ctk.dashboard.enabled=false",
                "--ctk.secrets.key-file=" + Path.of("target/test-secrets.key").toAbsolutePath()));
        properties.forEach((key, value) -> command.add("--" + key + "=" + value));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        return launch(builder, port, log);
    }

    /**
     * The production form's application jar ({@code mvn -Pproduction package}, the jars its manifest names beside it)
     * as {@code java -jar} in {@code workDir} (its
     * {@code data/} goes there), with its JobRunr dashboard on {@code dashboardPort}; otherwise as {@link #start(Map, Path)}.
     */
    public static ExternalService startJar(Path jar, Path workDir, int dashboardPort, Map<String, String> properties) {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx384m", "-XX:TieredStopAtLevel=1",
                "-jar", jar.toAbsolutePath().toString(), "--server.port=" + port,
                "--ctk.dashboard.port=" + dashboardPort, "--ctk.dashboard.host-port=" + freePort()));
        properties.forEach((key, value) -> command.add("--" + key + "=" + value));
        return launch(new ProcessBuilder(command).directory(workDir.toFile()), port, workDir.resolve("service.log"));
    }

    private static ExternalService launch(ProcessBuilder builder, int port, Path log) {
        try {
            Files.createDirectories(log.getParent());
            Process process = builder.redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            ExternalService service = new ExternalService(process, port, log);
            service.awaitReady();
            return service;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady() {
        try {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the service exited with " + process.exitValue());
                }
                return healthy();
            });
        } catch (RuntimeException e) {
            process.destroyForcibly();
            throw new IllegalStateException("service did not start; last log lines:\n" + logTail(), e);
        }
    }

    private boolean healthy() {
        try {
            return send(HttpRequest.newBuilder(uri("/actuator/health")).GET()).statusCode() == 200;
        } catch (RuntimeException e) {
            return false;
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** kill -9: the JVM gets no chance to do anything. */
    public void kill() {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(10));
    }

    /** SIGTERM ({@link Process#destroy()} on Linux): Spring closes its context as on a normal shutdown. */
    public void terminate() {
        process.destroy();
    }

    /** Waits for the process to end; returns its exit code. */
    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("the service did not exit within " + timeout);
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code POST /execute_experiment} with the demo user's credentials: status code and envelope. */
    public Response submit(String experiment) {
        HttpResponse<String> response = send(authorized(HttpRequest.newBuilder(uri("/execute_experiment")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(experiment)));
        return new Response(response.statusCode(), parse(response.body()));
    }

    /** {@code POST /execute_experiment} with a query (such as {@code host=b}): status code and envelope. */
    public Response submit(String query, String experiment) {
        HttpResponse<String> response = send(authorized(HttpRequest.newBuilder(uri("/execute_experiment?" + query)))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(experiment)));
        return new Response(response.statusCode(), parse(response.body()));
    }

    /** {@code POST /execute_experiment?wait=true}: answers when the run has ended (202 after 20 s). */
    public Response submitAndWait(String experiment) {
        HttpResponse<String> response = send(authorized(HttpRequest.newBuilder(uri("/execute_experiment?wait=true&timeout=20")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(experiment)));
        return new Response(response.statusCode(), parse(response.body()));
    }

    public Map<String, Object> run(String runId) {
        return get("/experiments/" + runId);
    }

    public Map<String, Object> journal(String runId) {
        return get("/experiments/" + runId + "/journal");
    }

    private Map<String, Object> get(String path) {
        HttpResponse<String> response = send(authorized(HttpRequest.newBuilder(uri(path))).GET());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + ": " + response.statusCode() + " " + response.body());
        }
        return parse(response.body());
    }

    /** Everything the process wrote so far. */
    public String logText() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String logTail() {
        try {
            List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    private static HttpRequest.Builder authorized(HttpRequest.Builder request) {
        return request.header("dbUsername", TestUsers.DB_USER).header("dbPassword", TestUsers.DB_PASSWORD)
                .header("username", TestUsers.DEMO_USER).header("password", TestUsers.DEMO_PASSWORD);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(String body) {
        return body == null || body.isBlank() ? Map.of() : JSON.readValue(body, Map.class);
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * A free port for a process that binds it only later. Taken below the kernel's ephemeral range, where no bind to
     * port 0 (every {@code RANDOM_PORT} test, in any fork) can be given it in the meantime, and from a block of this
     * fork's own, so that two forks never pick the same one: a port taken by binding to 0 and closing again was given
     * to another fork's server before the service bound it ("another process already uses it", DatabaseOutageTest).
     */
    public static synchronized int freePort() {
        int fork = Math.max(1, Integer.parseInt(System.getProperty("ctk.test.fork", "1").trim()));
        int blockEnd = ephemeralRangeStart() - (fork - 1) * PORT_BLOCK;
        for (int tried = 0; tried < PORT_BLOCK; tried++) {
            int port = blockEnd - 1 - nextPortOffset++ % PORT_BLOCK;
            if (port > 1024 && available(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port below " + blockEnd + " for test fork " + fork);
    }

    private static final int PORT_BLOCK = 1000;
    private static int nextPortOffset;

    private static int ephemeralRangeStart() {
        // read as a stream: Files.readString trusts the size procfs reports and returned only "3" of "32768\t60999"
        try (var range = Files.newInputStream(Path.of("/proc/sys/net/ipv4/ip_local_port_range"))) {
            return Integer.parseInt(new String(range.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII).trim()
                    .split("\\s+")[0]);
        } catch (IOException | RuntimeException notLinux) {
            return 32768; // Linux's default; other systems start theirs higher
        }
    }

    private static boolean available(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    /** Kills the process if it still runs (also after a failed test). */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            awaitExit(Duration.ofSeconds(10));
        }
    }

    /** An HTTP answer: status code and JSON body. */
    public record Response(int statusCode, Map<String, Object> body) {
    }
}
