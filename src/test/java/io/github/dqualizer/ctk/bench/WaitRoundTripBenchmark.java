package io.github.dqualizer.ctk.bench;

import io.github.dqualizer.ctk.support.MySqlTestDatabase;
import io.github.dqualizer.ctk.support.TestUsers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Benchmark harness (docs/benchmarks.md), scenario {@code wait-external}: the service as its own process on MySQL
 * ({@link ServiceProcess}, {@code BENCH_SERVICE_LAUNCH}, default settings otherwise), measured from outside:
 * <ol>
 * <li>idle: the service's CPU over {@code bench.idleSeconds} (30) after it settled ({@code bench.settleSeconds}, 10), as a share of one core, by
 * thread group, and the database server's CPU meanwhile;</li>
 * <li>sequential wait-mode round trips of {@code "method": []} and of one {@code true} action, alternating
 * ({@code bench.roundTrips} of each, 300, after as many warm-up ones): percentiles, the service's CPU per round
 * trip, and where the wall time went, from the timestamps the service stores (run accepted, job enqueued, job
 * processing, run started, run ended) against the client's send and receive times;</li>
 * <li>per trivial process activity: round trips of 101 and of one {@code true} action ({@link #perActivity}).</li>
 * </ol>
 * {@code bench.homes} (comma-separated, default {@code CTK_HOME} or {@code target/production}) lists production
 * applications to compare, each optionally followed by {@code ;--application.argument=value} or {@code ;-XX:JvmOption}
 * (the same build with other settings or JVM options, the latter after {@code BENCH_SERVICE_JVM_OPTS}); {@code bench.rounds} (2) rounds run them interleaved, each in a fresh process. It empties
 * the runs and jobs tables of the bench database before each round. It reports; it asserts nothing.
 */
public final class WaitRoundTripBenchmark {

    private static final String EMPTY = "{\"title\": \"bench empty\", \"description\": \"trivial\", \"method\": []}";
    private static final String ONE_TRUE = "{\"title\": \"bench one\", \"description\": \"one action\", \"method\": "
            + "[{\"type\": \"action\", \"name\": \"t\", \"provider\": {\"type\": \"process\", \"path\": \"true\"}}]}";
    /** 101 {@code true} actions: against {@link #ONE_TRUE}, what each further trivial process activity costs. */
    private static final String MANY_TRUE = "{\"title\": \"bench many\", \"description\": \"101 actions\", \"method\": ["
            + java.util.stream.IntStream.range(0, 101).mapToObj(i -> "{\"type\": \"action\", \"name\": \"t" + i
                    + "\", \"provider\": {\"type\": \"process\", \"path\": \"true\"}}").collect(java.util.stream.Collectors.joining(", "))
            + "]}";
    private static final Pattern RUN_ID = Pattern.compile("\"run_id\":\"([^\"]+)\"");
    private static final Pattern STATE = Pattern.compile("\"@class\":\"org\\.jobrunr\\.jobs\\.states\\.(\\w+)State\"[^}]*?\"createdAt\":\"([^\"]+)\"");

    private final String url = Benchmark.databaseUrl();
    private final JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(url, MySqlTestDatabase.username(),
            MySqlTestDatabase.password()));
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final int roundTrips = Integer.getInteger("bench.roundTrips", 300);
    private final int idleSeconds = Integer.getInteger("bench.idleSeconds", 30);

    public static void main(String[] args) throws Exception {
        String homes = System.getProperty("bench.homes", System.getenv().getOrDefault("CTK_HOME", "target/production"));
        int rounds = Integer.getInteger("bench.rounds", 2);
        WaitRoundTripBenchmark bench = new WaitRoundTripBenchmark();
        for (int round = 1; round <= rounds; round++) {
            for (String variant : homes.split(",")) {
                // "dir" or "dir;--extra.argument=value;-XX:JvmOption;...": the same build with other settings
                List<String> parts = List.of(variant.trim().split(";"));
                List<String> settings = parts.subList(1, parts.size());
                bench.measure(Path.of(parts.get(0)), settings.stream().filter(part -> part.startsWith("--")).toList(),
                        settings.stream().filter(part -> !part.startsWith("--")).toList(), round);
            }
        }
    }

    private void measure(Path home, List<String> extraArguments, List<String> extraJvmOptions, int round) throws Exception {
        emptyRunsAndJobs();
        Path workDir = Files.createTempDirectory("ctk-wait-bench");
        List<String> arguments = new ArrayList<>(List.of("--spring.datasource.url=" + url,
                "--spring.datasource.username=" + MySqlTestDatabase.username(),
                "--spring.datasource.password=" + MySqlTestDatabase.password(),
                "--ctk.secrets.key-file=" + Path.of("target/bench-secrets.key").toAbsolutePath(),
                "--logging.level.io.github.dqualizer=WARN", "--logging.level.org.jobrunr=WARN"));
        arguments.addAll(extraArguments);
        try (ServiceProcess service = ServiceProcess.start(workDir, arguments, home, extraJvmOptions)) {
            if (Double.isNaN(service.awaitHealthUp(Duration.ofSeconds(180)))) {
                throw new IllegalStateException("The service did not become ready; see " + workDir.resolve("service.log"));
            }
            TestUsers.ensure(jdbc.getDataSource());
            System.out.printf("wait-external round %d: %s %s, launch %s, %s, JVM options '%s' (%s)%n", round, home, extraArguments, service.launch,
                    service.javaVersion(), service.jvmOptions, Benchmark.load());
            Thread.sleep(Integer.getInteger("bench.settleSeconds", 10) * 1000L); // start-up's aftermath (JIT, first polls) settles
            idle(service);
            for (int i = 0; i < roundTrips; i++) { // warm-up
                roundTrip(service, EMPTY);
                roundTrip(service, ONE_TRUE);
            }
            Map<String, List<Long>> wall = new LinkedHashMap<>();
            Map<String, Map<String, List<Long>>> stages = new LinkedHashMap<>();
            double cpuBefore = service.cpuSeconds();
            Map<String, Double> threadsBefore = service.cpuByThread();
            String load = Benchmark.load();
            for (int i = 0; i < roundTrips; i++) {
                for (String experiment : List.of(EMPTY, ONE_TRUE)) {
                    String name = experiment == EMPTY ? "\"method\": []" : "one 'true' action";
                    Trip trip = roundTrip(service, experiment);
                    wall.computeIfAbsent(name, k -> new ArrayList<>()).add(trip.nanos());
                    trip.stages(this).forEach((stage, micros) -> stages.computeIfAbsent(name, k -> new LinkedHashMap<>())
                            .computeIfAbsent(stage, k -> new ArrayList<>()).add(micros));
                }
            }
            double cpuMs = (service.cpuSeconds() - cpuBefore) * 1000 / (2.0 * roundTrips);
            for (String name : wall.keySet()) {
                System.out.printf("  wait-mode round trip, %s: %s%n", name, percentiles(wall.get(name)));
                StringBuilder medians = new StringBuilder();
                stages.get(name).forEach((stage, micros) -> medians.append(String.format("%s %.2f, ", stage, median(micros) / 1000.0)));
                System.out.printf("    medians by stage, ms: %s%n", medians.substring(0, Math.max(0, medians.length() - 2)));
            }
            System.out.printf("  service CPU per round trip (both kinds): %.2f ms; by thread group: %s (%s)%n", cpuMs,
                    ServiceProcess.largest(threadsBefore, service.cpuByThread(), 8), load);
            perActivity(service);
        } finally {
            emptyRunsAndJobs();
        }
    }

    /**
     * Per trivial process activity end to end, as issue 18 defines it: wait-mode round trips of 101 and of one
     * {@code true} action, alternating ({@code bench.activityRounds}, 15, after 3 warm-up pairs), (t101 - t1) / 100.
     * The open descriptors are printed beside it: the JDK's child process closes each inherited one before it execs.
     */
    private void perActivity(ServiceProcess service) throws Exception {
        int rounds = Integer.getInteger("bench.activityRounds", 15);
        for (int i = 0; i < 3; i++) {
            roundTrip(service, ONE_TRUE);
            roundTrip(service, MANY_TRUE);
        }
        List<Long> one = new ArrayList<>();
        List<Long> many = new ArrayList<>();
        String load = Benchmark.load();
        // CPU is counted too: the wall time moves with the host's other work, the service's own CPU much less
        double[] cpu = new double[4]; // service one, service many, children one, children many
        for (int i = 0; i < rounds; i++) {
            for (boolean isMany : new boolean[] {false, true}) {
                double service0 = service.cpuSeconds();
                double children0 = service.childrenCpuSeconds();
                (isMany ? many : one).add(roundTrip(service, isMany ? MANY_TRUE : ONE_TRUE).nanos());
                cpu[isMany ? 1 : 0] += service.cpuSeconds() - service0;
                cpu[isMany ? 3 : 2] += service.childrenCpuSeconds() - children0;
            }
        }
        long descriptors;
        try (java.util.stream.Stream<Path> fds = Files.list(Path.of("/proc", String.valueOf(service.pid()), "fd"))) {
            descriptors = fds.count();
        }
        System.out.printf("  per trivial process activity: %.3f ms (wait-mode round trip median t101 %.1f ms, t1 %.1f ms, %d rounds); "
                        + "CPU per activity: the service %.3f ms, the 'true' processes %.3f ms; "
                        + "the service holds %d open file descriptors (%s)%n",
                (median(many) - median(one)) / 100 / 1e6, median(many) / 1e6, median(one) / 1e6, rounds,
                (cpu[1] - cpu[0]) * 1000 / (100.0 * rounds), (cpu[3] - cpu[2]) * 1000 / (100.0 * rounds), descriptors, load);
    }

    private void idle(ServiceProcess service) throws Exception {
        double cpu = service.cpuSeconds();
        long database = Benchmark.CpuClock.databaseCpuNanos();
        Map<String, Double> threads = service.cpuByThread();
        Map<String, Double> wakeUps = service.wakeUpsByThread();
        String load = Benchmark.load();
        Thread.sleep(idleSeconds * 1000L);
        Map<String, Double> wakeUpsNow = service.wakeUpsByThread();
        double share = (service.cpuSeconds() - cpu) / idleSeconds * 100;
        long databaseNow = Benchmark.CpuClock.databaseCpuNanos();
        System.out.printf("  idle %d s: service %.2f %% of one core (%s); database server %.2f %% of one core (%s)%n", idleSeconds, share,
                ServiceProcess.largest(threads, service.cpuByThread(), 8),
                database < 0 || databaseNow < 0 ? Double.NaN : (databaseNow - database) / 1e9 / idleSeconds * 100, load);
        // wake-ups do not grow with the host's load as CPU time does: the comparable idle figure on a busy machine
        System.out.printf("  idle wake-ups: %.1f/s (%s)%n", ServiceProcess.totalDelta(wakeUps, wakeUpsNow) / idleSeconds,
                ServiceProcess.largestRates(wakeUps, wakeUpsNow, 12, idleSeconds));
    }

    private Trip roundTrip(ServiceProcess service, String experiment) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(service.baseUrl() + "/execute_experiment?wait=true"))
                .timeout(Duration.ofMinutes(1)).header("Content-Type", "application/json")
                .header("dbUsername", TestUsers.DB_USER).header("dbPassword", TestUsers.DB_PASSWORD)
                .header("username", TestUsers.DEMO_USER).header("password", TestUsers.DEMO_PASSWORD)
                .POST(HttpRequest.BodyPublishers.ofString(experiment)).build();
        Instant sentAt = Instant.now();
        long sent = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        long nanos = System.nanoTime() - sent;
        Instant answeredAt = Instant.now();
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Run did not complete: " + response.body());
        }
        Matcher id = RUN_ID.matcher(response.body());
        if (!id.find()) {
            throw new IllegalStateException("No run id in " + response.body());
        }
        return new Trip(id.group(1), sentAt, answeredAt, nanos);
    }

    /** One round trip; its stages are read from the database afterwards (the service's clock is this machine's). */
    private record Trip(String runId, Instant sentAt, Instant answeredAt, long nanos) {

        /**
         * The job's states carry JobRunr's own times (ns); the journal's start and end the engine's (µs). The run's
         * submitted_at/started_at/ended_at columns are not used: on MariaDB they were stored without their fraction.
         */
        Map<String, Long> stages(WaitRoundTripBenchmark bench) {
            Map<String, Object> run = bench.jdbc.queryForMap("SELECT r.journal_json, j.jobAsJson FROM experiment_runs r "
                    + "LEFT JOIN jobrunr_jobs j ON j.id = r.id WHERE r.id = ?", runId);
            Map<String, Instant> states = new LinkedHashMap<>();
            Matcher state = STATE.matcher(String.valueOf(run.get("jobAsJson")));
            while (state.find()) {
                states.putIfAbsent(state.group(1), Instant.parse(state.group(2)));
            }
            String journal = String.valueOf(run.get("journal_json"));
            Instant started = journalTime(journal, "start", true);
            Instant ended = journalTime(journal, "end", false);
            Instant enqueued = states.get("Enqueued");
            Instant processing = states.get("Processing");
            Map<String, Long> stages = new LinkedHashMap<>();
            if (enqueued == null || processing == null || started == null || ended == null) {
                return stages;
            }
            // a run started on a held local worker (LocalJobStart) gets both states in memory before it is stored:
            // its stages are "request to job built", "marked processing", "run and job committed, hand-over, start"
            stages.put("request to job created (HTTP, auth, parse, validate; queued: run committed; held worker: before any write)", micros(sentAt, enqueued));
            stages.put("to job processing (queued: job committed, nudge, fetch, job updated; held worker: in memory)", micros(enqueued, processing));
            stages.put("to engine start (queued: hand-off, run claimed; held worker: run and job committed, hand-off)", micros(processing, started));
            stages.put("engine", micros(started, ended));
            stages.put("engine end to answer received (result stored, waiter woken, response)", micros(ended, answeredAt));
            return stages;
        }

        /** The journal's top-level start (its first "start": activities come after it) or end (its last "end"). */
        private static Instant journalTime(String journal, String key, boolean first) {
            Matcher matcher = Pattern.compile("\"" + key + "\":\"([^\"]+)\"").matcher(journal);
            String last = null;
            while (matcher.find()) {
                last = matcher.group(1);
                if (first) {
                    break;
                }
            }
            return last == null ? null : java.time.OffsetDateTime.parse(last).toInstant();
        }

        private static long micros(Instant from, Instant to) {
            return Duration.between(from, to).toNanos() / 1000;
        }
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

    private static double median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static String percentiles(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return String.format("%d, p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms", sorted.size(), at(sorted, 0.50),
                at(sorted, 0.90), at(sorted, 0.99), sorted.get(sorted.size() - 1) / 1e6);
    }

    private static double at(List<Long> sorted, double quantile) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(quantile * sorted.size()) - 1)) / 1e6;
    }
}
