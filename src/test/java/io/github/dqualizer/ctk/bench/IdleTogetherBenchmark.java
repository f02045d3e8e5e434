package io.github.dqualizer.ctk.bench;

import io.github.dqualizer.ctk.support.MySqlTestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Benchmark harness (docs/benchmarks.md), scenario {@code idle-together}: the idle CPU of several builds measured over
 * the same windows. On a shared virtual machine the cost of a wake-up changed by half within minutes (issue 18), so
 * idle figures taken one instance after another compare the machine's moments more than the builds. Here every
 * variant of {@code bench.homes} (as for {@code wait-external}: {@code dir} or {@code dir;--argument;-XX:JvmOption})
 * starts at once, each launched as {@code BENCH_SERVICE_LAUNCH} says (the script sets production) on a database of its own ({@code CTK_BENCH_DB_URL} with
 * {@code _1}, {@code _2}, … appended, created if missing: instances sharing one would share JobRunr's master tasks),
 * nobody uses them, and after {@code bench.settleSeconds} (60) each of {@code bench.windows} (4) windows of
 * {@code bench.idleSeconds} (120) reports every variant's CPU share, its largest threads and its wake-ups. The
 * windows one after another show start-up's aftermath (the JIT compiling the periodic code) fading. It reports; it
 * asserts nothing.
 */
public final class IdleTogetherBenchmark {

    private IdleTogetherBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String homes = System.getProperty("bench.homes", System.getenv().getOrDefault("CTK_HOME", "target/production"));
        int settleSeconds = Integer.getInteger("bench.settleSeconds", 60);
        int idleSeconds = Integer.getInteger("bench.idleSeconds", 120);
        int windows = Integer.getInteger("bench.windows", 4);
        String url = Benchmark.databaseUrl();
        List<String> variants = List.of(homes.split(","));
        List<ServiceProcess> services = new ArrayList<>();
        try {
            for (int i = 0; i < variants.size(); i++) {
                services.add(start(variants.get(i).trim(), databaseOf(url, i + 1)));
            }
            for (int i = 0; i < services.size(); i++) {
                if (Double.isNaN(services.get(i).awaitHealthUp(Duration.ofSeconds(180)))) {
                    throw new IllegalStateException("Variant " + variants.get(i) + " did not become ready");
                }
                System.out.printf("idle-together variant %d: %s, launch %s, %s, JVM options '%s'%n", i + 1, variants.get(i),
                        services.get(i).launch, services.get(i).javaVersion(), services.get(i).jvmOptions);
            }
            Thread.sleep(settleSeconds * 1000L); // every variant's start-up is over; its aftermath is what the windows show
            for (int window = 1; window <= windows; window++) {
                measureWindow(window, settleSeconds + (window - 1) * idleSeconds, idleSeconds, variants, services);
            }
        } finally {
            for (ServiceProcess service : services) {
                service.close();
            }
        }
    }

    private static ServiceProcess start(String variant, String url) throws Exception {
        List<String> parts = List.of(variant.split(";"));
        List<String> arguments = new ArrayList<>(List.of("--spring.datasource.url=" + url,
                "--spring.datasource.username=" + MySqlTestDatabase.username(),
                "--spring.datasource.password=" + MySqlTestDatabase.password(),
                "--ctk.secrets.key-file=" + Path.of("target/bench-secrets.key").toAbsolutePath()));
        List<String> settings = parts.subList(1, parts.size());
        arguments.addAll(settings.stream().filter(part -> part.startsWith("--")).toList());
        return ServiceProcess.start(Files.createTempDirectory("ctk-idle-together"), arguments, Path.of(parts.get(0)),
                settings.stream().filter(part -> !part.startsWith("--")).toList());
    }

    /** The variant's own database next to the configured one, created when missing (the bench account may create it). */
    private static String databaseOf(String url, int variant) {
        int slash = url.lastIndexOf('/');
        int query = url.indexOf('?', slash);
        String name = url.substring(slash + 1, query < 0 ? url.length() : query) + "_" + variant;
        String server = url.substring(0, slash + 1);
        new JdbcTemplate(new DriverManagerDataSource(server, MySqlTestDatabase.username(), MySqlTestDatabase.password()))
                .execute("CREATE DATABASE IF NOT EXISTS `" + name + "`");
        return server + name + (query < 0 ? "" : url.substring(query));
    }

    private static void measureWindow(int window, int fromSecond, int idleSeconds, List<String> variants,
                                      List<ServiceProcess> services) throws Exception {
        List<Double> cpu = new ArrayList<>();
        List<Map<String, Double>> threads = new ArrayList<>();
        List<Map<String, Double>> wakeUps = new ArrayList<>();
        for (ServiceProcess service : services) {
            cpu.add(service.cpuSeconds());
            threads.add(service.cpuByThread());
            wakeUps.add(service.wakeUpsByThread());
        }
        String load = Benchmark.load();
        Thread.sleep(idleSeconds * 1000L);
        System.out.printf("idle-together window %d (%d to %d s after ready, %s):%n", window, fromSecond,
                fromSecond + idleSeconds, load);
        for (int i = 0; i < services.size(); i++) {
            ServiceProcess service = services.get(i);
            Map<String, Double> wakeUpsNow = service.wakeUpsByThread();
            System.out.printf("  variant %d (%s): service %.2f %% of one core (%s); wake-ups %.1f/s (%s)%n", i + 1,
                    variants.get(i), (service.cpuSeconds() - cpu.get(i)) / idleSeconds * 100,
                    ServiceProcess.largest(threads.get(i), service.cpuByThread(), 6),
                    ServiceProcess.totalDelta(wakeUps.get(i), wakeUpsNow) / idleSeconds,
                    ServiceProcess.largestRates(wakeUps.get(i), wakeUpsNow, 6, idleSeconds));
        }
    }
}
