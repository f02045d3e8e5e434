package io.github.dqualizer.ctk.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
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
 * point) on the application built by {@code scripts/build-production.sh} into {@code target/production} (or
 * {@code CTK_HOME}) with its class-data archive; the options are passed as {@code JAVA_OPTS}, after the launcher's;</li>
 * <li>{@code jar}: {@code java <options> -jar target/production/dqualizer-ctk.jar}, the same application
 * without the archive and without the launcher's flags.</li>
 * </ul>
 * {@code BENCH_SERVICE_JAVA_HOME} picks the JDK of the service (default: the harness's own).
 */
public final class IdleServiceBenchmark {

    private IdleServiceBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int idleSeconds = Integer.getInteger("bench.idleSeconds", 20);
        int rounds = Integer.getInteger("bench.idleRounds", 3);
        // round 1 starts on an empty data directory (creates the H2 database and runs every migration); later rounds restart on it
        Path workDir = Files.createTempDirectory("ctk-idle-bench");
        try {
            for (int round = 1; round <= rounds; round++) {
                measure(idleSeconds, round, workDir);
            }
        } finally {
            deleteTree(workDir);
        }
    }

    private static void measure(int idleSeconds, int round, Path workDir) throws Exception {
        String loadBefore = Benchmark.load();
        try (ServiceProcess service = ServiceProcess.start(workDir, List.of())) {
            double readySeconds = service.awaitHealthUp(Duration.ofSeconds(120));
            long rssAtReady = service.rssKb();
            double cpuToReady = service.cpuSeconds();
            Map<String, Double> threadsAtReady = service.cpuByThread();
            String cpuByThread = ServiceProcess.largest(Map.of(), threadsAtReady, 6);
            Thread.sleep(TimeUnit.SECONDS.toMillis(idleSeconds));
            long rssIdle = service.rssKb();
            double idleShare = (service.cpuSeconds() - cpuToReady) / idleSeconds * 100;
            String idleByThread = ServiceProcess.largest(threadsAtReady, service.cpuByThread(), 6);
            System.out.printf("idle service (round %d, %s, launch %s, %s, JVM options '%s'): start to health UP %.2f s (%.1f s of CPU); "
                            + "VmRSS at ready %d MB, after %d s idle %d MB (%s)%n", round, round == 1 ? "empty data directory" : "restart",
                    service.launch, service.javaVersion(), service.jvmOptions, readySeconds, cpuToReady, rssAtReady / 1024,
                    idleSeconds, rssIdle / 1024, loadBefore);
            System.out.printf("  CPU to ready by thread group: %s%n", cpuByThread);
            // the first seconds after ready still include start-up's aftermath (JIT, first polls): wait-external measures
            // idle after a settling pause
            System.out.printf("  CPU over the %d s after ready: %.2f %% of one core (%s)%n", idleSeconds, idleShare, idleByThread);
            String started = service.startedLine();
            if (started != null) {
                System.out.printf("  %s%n", started);
            }
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
