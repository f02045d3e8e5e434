package io.github.dqualizer.ctk.bench;

import io.github.dqualizer.ctk.support.MySqlTestDatabase;
import io.github.dqualizer.ctk.support.TestUsers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Benchmark harness (docs/benchmarks.md), scenario {@code submit-external}: fire-and-forget submissions at a
 * fixed rate from outside, the way dqualizer's executor sends them. The service runs as its own process on
 * MySQL ({@link ServiceProcess}, {@code BENCH_SERVICE_LAUNCH}), and the load comes from {@code wrk} (Debian
 * package {@code wrk}) with {@code scripts/bench/paced-submit.lua}, which sends on a timetable instead of
 * after each answer. wrk costs a few tens of microseconds of CPU per request where the in-JVM Java client of
 * the {@code submit} scenario costs about half a millisecond, so the figures are the service's own.
 *
 * <p>Two topologies, each in a fresh service process: an instance without JobRunr workers (the accept path
 * alone; the runs stay queued for worker instances) and the default instance, which executes the runs on the
 * same two cores while it accepts more. Each is measured in consecutive windows, so the JIT's warm-up shows.
 * Before each topology the scenario <strong>empties the runs and jobs tables of the bench database</strong>,
 * so that leftovers neither run nor slow the queries. It reports; it asserts nothing.
 */
public final class ExternalLoadBenchmark {

    private static final Pattern RESULT = Pattern.compile("(\\w+)=([0-9.]+)");
    private static final Pattern TIMES = Pattern.compile("(\\d+)m([0-9.]+)s (\\d+)m([0-9.]+)s");

    private final String url;
    private final JdbcTemplate jdbc;
    private final int rate = Integer.getInteger("bench.rate", 500);
    private final int windowSeconds = Integer.getInteger("bench.externalSeconds", 20);
    private final int windows = Integer.getInteger("bench.externalWindows", 6);
    private final int connections = Integer.getInteger("bench.externalConnections", 64);

    private ExternalLoadBenchmark(String url) {
        this.url = url;
        DriverManagerDataSource dataSource = new DriverManagerDataSource(url, MySqlTestDatabase.username(),
                MySqlTestDatabase.password());
        this.jdbc = new JdbcTemplate(dataSource);
    }

    public static void main(String[] args) throws Exception {
        String url = Benchmark.databaseUrl();
        if (new ProcessBuilder("sh", "-c", "command -v wrk").start().waitFor() != 0) {
            throw new IllegalStateException("wrk is not installed (Debian: apt-get install wrk)");
        }
        ExternalLoadBenchmark bench = new ExternalLoadBenchmark(url);
        List<String> topologies = List.of(System.getProperty("bench.externalTopologies", "accept-only,workers").split(","));
        if (topologies.contains("accept-only")) {
            bench.measure("accept-only instance (no JobRunr workers)", List.of("--jobrunr.background-job-server.enabled=false"));
        }
        if (topologies.contains("workers")) {
            bench.measure("instance with 8 workers (runs execute meanwhile)", List.of());
        }
    }

    private void measure(String topology, List<String> extraArguments) throws Exception {
        emptyRunsAndJobs();
        Path workDir = Files.createTempDirectory("ctk-external-bench");
        List<String> arguments = new ArrayList<>(List.of(
                "--ctk.dashboard.enabled=false", "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + MySqlTestDatabase.username(),
                "--spring.datasource.password=" + MySqlTestDatabase.password(),
                "--ctk.secrets.key-file=" + Path.of("target/bench-secrets.key").toAbsolutePath(),
                "--logging.level.io.github.dqualizer=WARN", "--logging.level.org.jobrunr=WARN"));
        arguments.addAll(extraArguments);
        try (ServiceProcess service = ServiceProcess.start(workDir, arguments)) {
            if (Double.isNaN(service.awaitHealthUp(Duration.ofSeconds(180)))) {
                throw new IllegalStateException("The service did not become ready; see " + workDir.resolve("service.log"));
            }
            TestUsers.ensure(jdbc.getDataSource());
            System.out.printf("submit-external: %s, launch %s, %s, JVM options '%s'; %d/s in windows of %d s, %d connections%n",
                    topology, service.launch, service.javaVersion(), service.jvmOptions, rate, windowSeconds, connections);
            for (int window = 1; window <= windows; window++) {
                window(service, window);
            }
        } finally {
            emptyRunsAndJobs();
        }
    }

    private void window(ServiceProcess service, int window) throws Exception {
        String loadBefore = Benchmark.load();
        long endedBefore = endedRuns();
        double serviceCpu = service.cpuSeconds();
        long databaseCpu = Benchmark.CpuClock.databaseCpuNanos();
        Map<String, Double> threadsBefore = service.cpuByThread();
        String command = String.format("wrk -t2 -c%d -d%ds --timeout 30s -s scripts/bench/paced-submit.lua %s/execute_experiment -- %d 2; times",
                connections, windowSeconds, service.baseUrl(), rate);
        Process wrk = new ProcessBuilder("bash", "-c", command).redirectErrorStream(true).start();
        String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!wrk.waitFor(windowSeconds + 60L, TimeUnit.SECONDS) || !output.contains("wrk-result")) {
            throw new IllegalStateException("wrk failed: " + output);
        }
        double serviceMs = (service.cpuSeconds() - serviceCpu) * 1000;
        long databaseNow = Benchmark.CpuClock.databaseCpuNanos();
        double databaseMs = databaseCpu < 0 || databaseNow < 0 ? Double.NaN : (databaseNow - databaseCpu) / 1e6;
        Map<String, Double> result = result(output);
        double requests = result.get("requests");
        System.out.printf("  window %d: %.0f sent, %.1f/s, %.0f not accepted, %.0f socket errors; latency p50 %.2f, p90 %.2f, p99 %.2f, "
                        + "p99.9 %.2f, max %.2f ms; %.0f sends late (max %.1f ms); CPU per submission: service %.2f ms, database %.2f ms, "
                        + "wrk %.3f ms; runs ended meanwhile %d (%s)%n",
                window, requests, requests / result.get("seconds"), result.get("not_accepted"), result.get("socket_errors"),
                result.get("p50_ms"), result.get("p90_ms"), result.get("p99_ms"), result.get("p999_ms"), result.get("max_ms"),
                result.get("late_sends"), result.get("late_max_ms"), serviceMs / requests, databaseMs / requests,
                wrkCpuMs(output) / requests, endedRuns() - endedBefore, loadBefore);
        System.out.printf("    service CPU by thread group: %s%n", ServiceProcess.largest(threadsBefore, service.cpuByThread(), 6));
    }

    private static Map<String, Double> result(String output) {
        String line = output.lines().filter(l -> l.startsWith("wrk-result")).findFirst().orElseThrow();
        Map<String, Double> values = new HashMap<>();
        Matcher matcher = RESULT.matcher(line);
        while (matcher.find()) {
            values.put(matcher.group(1), Double.parseDouble(matcher.group(2)));
        }
        return values;
    }

    /** bash's {@code times}: its second line is the children's (wrk's) user and system time. */
    private static double wrkCpuMs(String output) {
        List<String> lines = output.lines().filter(l -> TIMES.matcher(l).matches()).toList();
        if (lines.size() < 2) {
            return Double.NaN;
        }
        Matcher m = TIMES.matcher(lines.get(1));
        m.matches();
        return (Integer.parseInt(m.group(1)) * 60 + Double.parseDouble(m.group(2))
                + Integer.parseInt(m.group(3)) * 60 + Double.parseDouble(m.group(4))) * 1000;
    }

    private long endedRuns() {
        Long ended = jdbc.queryForObject("SELECT COUNT(*) FROM experiment_runs WHERE status NOT IN ('QUEUED', 'RUNNING')", Long.class);
        return ended == null ? 0 : ended;
    }

    private void emptyRunsAndJobs() {
        for (String table : List.of("jobrunr_jobs", "experiment_runs")) {
            try {
                jdbc.execute("DELETE FROM " + table);
            } catch (org.springframework.jdbc.BadSqlGrammarException notCreatedYet) {
                // a fresh bench database: the service creates its tables
            }
        }
    }
}
