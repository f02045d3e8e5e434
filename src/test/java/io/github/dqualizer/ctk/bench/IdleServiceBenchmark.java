package io.github.dqualizer.ctk.bench;

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
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Benchmark harness (docs/benchmarks.md), scenario {@code idle}: launches the service as its own process
 * on the embedded default database (H2 file in a fresh working directory), measures the time from
 * process start until {@code /actuator/health} answers UP, then the resident memory (VmRSS) after an
 * idle period. JVM flags for the service: {@code BENCH_SERVICE_JVM_OPTS}. It reports; it asserts nothing.
 *
 * <p>{@code BENCH_SERVICE_LAUNCH} selects how the service is started:
 * <ul>
 * <li>{@code classpath} (default): {@code java <options> -cp target/classes:<runtime classpath> CtkApplication}, as
 * {@code mvn spring-boot:run} does;</li>
 * <li>{@code production}: the production launch form, {@code scripts/run-production.sh} (the Dockerfile's entry
 * point) on the application extracted by {@code scripts/build-production.sh} into {@code target/production} (or
 * {@code CTK_HOME}) with its class-data archive; the options are passed as {@code JAVA_OPTS}, after the launcher's;</li>
 * <li>{@code jar}: {@code java <options> -jar target/production/dqualizer-ctk.jar}, the same extracted application
 * without the archive and without the launcher's flags.</li>
 * </ul>
 * {@code BENCH_SERVICE_JAVA_HOME} picks the JDK of the service (default: the harness's own).
 */
public final class IdleServiceBenchmark {

    private IdleServiceBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path classpathFile = Path.of(System.getProperty("bench.runtimeClasspathFile", "target/runtime-classpath.txt"));
        String classpath = Path.of("target/classes").toAbsolutePath() + ":" + Files.readString(classpathFile).trim();
        String jvmOptions = System.getenv().getOrDefault("BENCH_SERVICE_JVM_OPTS", "").trim();
        String launch = System.getenv().getOrDefault("BENCH_SERVICE_LAUNCH", "classpath").trim();
        if (!List.of("classpath", "production", "jar").contains(launch)) {
            throw new IllegalArgumentException("BENCH_SERVICE_LAUNCH is classpath, production or jar, not " + launch);
        }
        int idleSeconds = Integer.getInteger("bench.idleSeconds", 20);
        int rounds = Integer.getInteger("bench.idleRounds", 3);
        // round 1 starts on an empty data directory (creates the H2 database and runs every migration); later rounds restart on it
        Path workDir = Files.createTempDirectory("ctk-idle-bench");
        try {
            for (int round = 1; round <= rounds; round++) {
                measure(launch, classpath, jvmOptions, idleSeconds, round, workDir);
            }
        } finally {
            deleteTree(workDir);
        }
    }

    private static void measure(String launch, String classpath, String jvmOptions, int idleSeconds, int round, Path workDir)
            throws Exception {
        int port = freePort();
        String javaHome = System.getenv().getOrDefault("BENCH_SERVICE_JAVA_HOME", System.getProperty("java.home"));
        Path production = Path.of(System.getenv().getOrDefault("CTK_HOME", "target/production")).toAbsolutePath();
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
        command.addAll(List.of("--server.port=" + port, "--ctk.dashboard.port=" + freePort()));
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(2)).build();
        String loadBefore = Benchmark.load();
        long begin = System.nanoTime();
        Process service = builder.directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(workDir.resolve("service.log").toFile()).start();
        try {
            double readySeconds = Double.NaN;
            long deadline = begin + TimeUnit.SECONDS.toNanos(120);
            while (System.nanoTime() < deadline && service.isAlive()) {
                try {
                    HttpResponse<String> answer = http.send(health, HttpResponse.BodyHandlers.ofString());
                    if (answer.statusCode() == 200 && answer.body().contains("\"UP\"")) {
                        readySeconds = (System.nanoTime() - begin) / 1e9;
                        break;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(20);
            }
            long rssAtReady = rssKb(service.pid());
            double cpuToReady = cpuSeconds(service.pid());
            String cpuByThread = cpuByThread(service.pid());
            Thread.sleep(TimeUnit.SECONDS.toMillis(idleSeconds));
            long rssIdle = rssKb(service.pid());
            System.out.printf("idle service (round %d, %s, launch %s, %s, JVM options '%s'): start to health UP %.2f s (%.1f s of CPU); "
                            + "VmRSS at ready %d MB, after %d s idle %d MB (%s)%n", round, round == 1 ? "empty data directory" : "restart",
                    launch, javaVersion(javaHome), jvmOptions, readySeconds, cpuToReady, rssAtReady / 1024,
                    idleSeconds, rssIdle / 1024, loadBefore);
            System.out.printf("  CPU to ready by thread group: %s%n", cpuByThread);
            try (Stream<String> log = Files.lines(workDir.resolve("service.log"))) {
                log.filter(line -> line.contains("Started CtkApplication in")).findFirst()
                        .ifPresent(line -> System.out.printf("  %s%n", line.substring(line.indexOf("Started CtkApplication in"))));
            }
        } finally {
            service.destroy();
            if (!service.waitFor(30, TimeUnit.SECONDS)) {
                service.destroyForcibly();
            }
        }
    }

    /** JAVA_VERSION from the JDK's release file. */
    private static String javaVersion(String javaHome) {
        try {
            return Files.readAllLines(Path.of(javaHome, "release")).stream().filter(line -> line.startsWith("JAVA_VERSION="))
                    .map(line -> "JDK " + line.substring("JAVA_VERSION=".length()).replace("\"", "")).findFirst().orElse(javaHome);
        } catch (IOException noReleaseFile) {
            return javaHome;
        }
    }

    private static long rssKb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }

    /** utime + stime of the process (USER_HZ 100). */
    private static double cpuSeconds(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
    }

    /** CPU seconds per thread name (digits folded), largest first: tells JIT compilation from start-up work. */
    private static String cpuByThread(long pid) throws IOException {
        java.util.Map<String, Double> groups = new java.util.HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String name = Files.readString(task.resolve("comm")).trim().replaceAll("\\d+", "N");
                    String stat = Files.readString(task.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    groups.merge(name, (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0, Double::sum);
                } catch (IOException threadEnded) {
                    // gone meanwhile
                }
            }
        }
        return groups.entrySet().stream().sorted(java.util.Map.Entry.<String, Double>comparingByValue().reversed()).limit(6)
                .map(e -> String.format("%s %.1f s", e.getKey(), e.getValue())).collect(java.util.stream.Collectors.joining(", "));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
