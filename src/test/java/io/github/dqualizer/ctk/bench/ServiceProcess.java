package io.github.dqualizer.ctk.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The service as its own process, launched the way {@code BENCH_SERVICE_LAUNCH} says (see
 * {@link IdleServiceBenchmark}) with {@code BENCH_SERVICE_JVM_OPTS} and {@code BENCH_SERVICE_JAVA_HOME}; its
 * output goes to {@code service.log} in its working directory. Shared by the scenarios that measure the
 * service from outside.
 */
final class ServiceProcess implements AutoCloseable {

    static final List<String> LAUNCHES = List.of("classpath", "production", "jar");

    final String launch;
    final String javaHome;
    final String jvmOptions;
    final int port;
    private final Path workDir;
    private final Process process;
    private final long startedAt;

    private ServiceProcess(String launch, String javaHome, String jvmOptions, int port, Path workDir, Process process,
                           long startedAt) {
        this.launch = launch;
        this.javaHome = javaHome;
        this.jvmOptions = jvmOptions;
        this.port = port;
        this.workDir = workDir;
        this.process = process;
        this.startedAt = startedAt;
    }

    /** Starts the service in {@code workDir} with these application arguments (port and dashboard port are added). */
    static ServiceProcess start(Path workDir, List<String> arguments) throws IOException {
        return start(workDir, arguments, Path.of(System.getenv().getOrDefault("CTK_HOME", "target/production")));
    }

    /** As {@link #start(Path, List)}, with the built application of the production and jar launches in {@code home}. */
    static ServiceProcess start(Path workDir, List<String> arguments, Path home) throws IOException {
        return start(workDir, arguments, home, List.of());
    }

    /** As {@link #start(Path, List, Path)}, with {@code extraJvmOptions} after {@code BENCH_SERVICE_JVM_OPTS}. */
    static ServiceProcess start(Path workDir, List<String> arguments, Path home, List<String> extraJvmOptions) throws IOException {
        Path classpathFile = Path.of(System.getProperty("bench.runtimeClasspathFile", "target/runtime-classpath.txt"));
        String classpath = Path.of("target/classes").toAbsolutePath() + ":" + Files.readString(classpathFile).trim();
        String jvmOptions = (System.getenv().getOrDefault("BENCH_SERVICE_JVM_OPTS", "") + " "
                + String.join(" ", extraJvmOptions)).trim();
        String launch = System.getenv().getOrDefault("BENCH_SERVICE_LAUNCH", "classpath").trim();
        if (!LAUNCHES.contains(launch)) {
            throw new IllegalArgumentException("BENCH_SERVICE_LAUNCH is classpath, production or jar, not " + launch);
        }
        String javaHome = System.getenv().getOrDefault("BENCH_SERVICE_JAVA_HOME", System.getProperty("java.home"));
        Path production = home.toAbsolutePath();
        List<String> options = jvmOptions.isEmpty() ? List.of() : Arrays.asList(jvmOptions.split("\\s+"));
        List<String> command = new ArrayList<>();
        ProcessBuilder builder = new ProcessBuilder(command);
        switch (launch) {
            case "production" -> {
                command.add(Path.of("scripts", "run-production.sh").toAbsolutePath().toString());
                builder.environment().put("JAVA_OPTS", jvmOptions);
                builder.environment().put("JAVA_HOME", javaHome);
                builder.environment().put("CTK_HOME", production.toString());
            }
            case "jar" -> {
                command.add(Path.of(javaHome, "bin", "java").toString());
                command.addAll(options);
                command.addAll(List.of("-jar", production.resolve("dqualizer-ctk.jar").toString()));
            }
            default -> {
                command.add(Path.of(javaHome, "bin", "java").toString());
                command.addAll(options);
                command.addAll(List.of("-cp", classpath, "io.github.dqualizer.ctk.CtkApplication"));
            }
        }
        int port = freePort();
        command.addAll(List.of("--server.port=" + port, "--ctk.dashboard.port=" + freePort(),
                "--ctk.dashboard.host-port=" + freePort()));
        command.addAll(arguments);
        long begin = System.nanoTime();
        Process process = builder.directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(workDir.resolve("service.log").toFile()).start();
        return new ServiceProcess(launch, javaHome, jvmOptions, port, workDir, process, begin);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    long pid() {
        return process.pid();
    }

    /** Seconds from the process start until {@code /actuator/health} answered UP, or NaN if it did not within the limit. */
    double awaitHealthUp(Duration limit) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest health = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                .timeout(Duration.ofSeconds(2)).build();
        long deadline = startedAt + limit.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                HttpResponse<String> answer = http.send(health, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200 && answer.body().contains("\"UP\"")) {
                    return (System.nanoTime() - startedAt) / 1e9;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(20);
        }
        return Double.NaN;
    }

    /** Spring's "Started CtkApplication in …" line, if it has been logged. */
    String startedLine() throws IOException {
        try (Stream<String> log = Files.lines(workDir.resolve("service.log"))) {
            return log.filter(line -> line.contains("Started CtkApplication in")).findFirst()
                    .map(line -> line.substring(line.indexOf("Started CtkApplication in"))).orElse(null);
        }
    }

    /** utime + stime of the process so far, in seconds. */
    double cpuSeconds() throws IOException {
        return cpuSeconds(process.pid());
    }

    long rssKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }

    /**
     * CPU seconds per thread name (digits folded) so far, from each thread's {@code schedstat} (nanoseconds on a CPU):
     * a thread that wakes briefly many times is counted exactly, not in 10 ms accounting ticks.
     */
    Map<String, Double> cpuByThread() throws IOException {
        Map<String, Double> groups = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", String.valueOf(process.pid()), "task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String name = Files.readString(task.resolve("comm")).trim().replaceAll("\\d+", "N");
                    String onCpuNanos = Files.readString(task.resolve("schedstat")).trim().split(" ")[0];
                    groups.merge(name, Long.parseLong(onCpuNanos) / 1e9, Double::sum);
                } catch (IOException threadEnded) {
                    // gone meanwhile
                }
            }
        }
        return groups;
    }

    /**
     * Context switches (voluntary and not) per thread name (digits folded) so far: how often each thread woke. Unlike
     * CPU time at 10 ms ticks, this count does not depend on the machine's load, so it compares idle builds on a busy host.
     */
    Map<String, Double> wakeUpsByThread() throws IOException {
        Map<String, Double> groups = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", String.valueOf(process.pid()), "task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String name = Files.readString(task.resolve("comm")).trim().replaceAll("\\d+", "N");
                    double switches = Files.readAllLines(task.resolve("status")).stream()
                            .filter(line -> line.startsWith("voluntary_ctxt_switches:") || line.startsWith("nonvoluntary_ctxt_switches:"))
                            .mapToDouble(line -> Double.parseDouble(line.substring(line.indexOf(':') + 1).trim())).sum();
                    groups.merge(name, switches, Double::sum);
                } catch (IOException threadEnded) {
                    // gone meanwhile
                }
            }
        }
        return groups;
    }

    /** The largest groups of {@code now - before}, as "name 1.2 s, …". */
    static String largest(Map<String, Double> before, Map<String, Double> now, int count) {
        return now.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0.0)))
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(count)
                .map(e -> e.getValue() >= 1 ? String.format("%s %.1f s", e.getKey(), e.getValue())
                        : String.format("%s %.0f ms", e.getKey(), e.getValue() * 1000))
                .collect(Collectors.joining(", "));
    }

    /** The largest groups of {@code now - before} divided by {@code seconds}, as "name 4.0/s, …". */
    static String largestRates(Map<String, Double> before, Map<String, Double> now, int count, double seconds) {
        return now.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), (e.getValue() - before.getOrDefault(e.getKey(), 0.0)) / seconds))
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(count)
                .map(e -> String.format("%s %.1f/s", e.getKey(), e.getValue())).collect(Collectors.joining(", "));
    }

    static double totalDelta(Map<String, Double> before, Map<String, Double> now) {
        return now.entrySet().stream().mapToDouble(e -> e.getValue() - before.getOrDefault(e.getKey(), 0.0)).filter(d -> d > 0).sum();
    }

    /** JAVA_VERSION from the JDK's release file. */
    String javaVersion() {
        try {
            return Files.readAllLines(Path.of(javaHome, "release")).stream().filter(line -> line.startsWith("JAVA_VERSION="))
                    .map(line -> "JDK " + line.substring("JAVA_VERSION=".length()).replace("\"", "")).findFirst().orElse(javaHome);
        } catch (IOException noReleaseFile) {
            return javaHome;
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    /** utime + stime of a process (USER_HZ 100), in seconds. */
    static double cpuSeconds(long pid) throws IOException {
        return ticks(Files.readString(Path.of("/proc", String.valueOf(pid), "stat"))) / 100.0;
    }

    /** cutime + cstime: the CPU of the child processes it started and waited for (e.g. {@code true}), in seconds. */
    double childrenCpuSeconds() throws IOException {
        String[] fields = statFields(Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat")));
        return (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) / 100.0;
    }

    private static long ticks(String stat) {
        String[] fields = statFields(stat);
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** The fields of a {@code /proc/<pid>/stat} line after the command name (which may hold spaces), from state on. */
    private static String[] statFields(String stat) {
        return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
