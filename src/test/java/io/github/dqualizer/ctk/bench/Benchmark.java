package io.github.dqualizer.ctk.bench;

import io.github.dqualizer.ctk.CtkApplication;
import io.github.dqualizer.ctk.engine.RunListener;
import io.github.dqualizer.ctk.jobs.execution.RunCanceller;
import io.github.dqualizer.ctk.providers.RunContext;
import io.github.dqualizer.ctk.support.MySqlTestDatabase;
import io.github.dqualizer.ctk.support.TestUsers;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.jobrunr.server.BackgroundJobServer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmark harness (docs/benchmarks.md): starts the service in this JVM against the configured MySQL
 * database and measures it over loopback HTTP. It reports; it asserts nothing.
 * <p>
 * Scenarios (first argument, default {@code all}; {@code idle} is {@link IdleServiceBenchmark}):
 * <ul>
 *   <li>{@code submit}: fire-and-forget throughput and latency, submit-to-start latency, trivial wait-mode round trip</li>
 *   <li>{@code parallel-sleeps}: 8 experiments of {@code sleep 2} submitted at once, until all have ended</li>
 *   <li>{@code wait-held}: 1,000 wait-mode requests held open; heap after GC and thread count before/while</li>
 *   <li>{@code engine-overhead}: 101 {@code true} actions against 1, less the cost of starting {@code true}</li>
 * </ul>
 */
public final class Benchmark {

    private static final String TRIVIAL = "{\"title\": \"bench\", \"description\": \"trivial\", \"method\": []}";
    private static final Pattern RUN_ID = Pattern.compile("\"run_id\":\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Map<String, Long> startedAt = new ConcurrentHashMap<>();
    private ConfigurableApplicationContext app;
    private String baseUrl;

    public static void main(String[] args) throws Exception {
        io.github.dqualizer.ctk.ProcessLaunch.preferVfork(); // as the service's main does (BENCH_JAVA_OPTS=-D... overrides)
        String scenario = args.length == 0 ? "all" : args[0];
        if (scenario.equals("idle")) {
            IdleServiceBenchmark.main(new String[0]);
            return;
        }
        if (scenario.equals("wait-external")) {
            WaitRoundTripBenchmark.main(new String[0]);
            return;
        }
        if (scenario.equals("idle-together")) {
            IdleTogetherBenchmark.main(new String[0]);
            return;
        }
        if (scenario.equals("submit-external")) {
            ExternalLoadBenchmark.main(new String[0]);
            return;
        }
        List<String> known = List.of("submit", "parallel-sleeps", "wait-held", "engine-overhead", "all");
        if (!known.contains(scenario)) {
            throw new IllegalArgumentException("Unknown scenario " + scenario + "; one of " + known + " or idle, idle-together, submit-external, wait-external");
        }
        Benchmark bench = new Benchmark();
        bench.start();
        try {
            if (scenario.equals("submit") || scenario.equals("all")) {
                bench.submit();
            }
            if (scenario.equals("parallel-sleeps") || scenario.equals("all")) {
                bench.parallelSleeps();
            }
            if (scenario.equals("engine-overhead") || scenario.equals("all")) {
                bench.engineOverhead();
            }
            if (scenario.equals("wait-held") || scenario.equals("all")) {
                bench.waitHeld();
            }
        } finally {
            bench.app.getBean(RunCanceller.class).stopAll("benchmark");
            bench.app.close();
        }
        if (scenario.equals("all")) {
            IdleServiceBenchmark.main(new String[0]);
        }
    }

    private void start() {
        String url = databaseUrl();
        RunListener listener = new RunListener() {
            @Override
            public void runStarted(RunContext run) {
                startedAt.put(run.runId(), System.nanoTime());
            }
        };
        app = new SpringApplicationBuilder(CtkApplication.class)
                .initializers(context -> context.getBeanFactory().registerSingleton("benchListener", listener))
                .run("--server.port=0", "--ctk.dashboard.enabled=false", "--spring.datasource.url=" + url,
                        "--spring.datasource.username=" + MySqlTestDatabase.username(),
                        "--spring.datasource.password=" + MySqlTestDatabase.password(),
                        "--ctk.secrets.key-file=target/bench-secrets.key",
                        // the watchdog would take the paused job server of acceptPathAlone for a stopped one and restart it
                        "--ctk.jobs.watchdog-interval=1h",
                        "--logging.level.io.github.dqualizer=WARN", "--logging.level.org.jobrunr=WARN");
        TestUsers.ensure(app.getBean(DataSource.class));
        // leftovers of an interrupted benchmark would otherwise run now and skew every figure
        app.getBean(RunCanceller.class).stopAll("benchmark");
        baseUrl = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
        System.out.printf("database: %s, cores: %d, workers: %s, %s%n", url, Runtime.getRuntime().availableProcessors(),
                app.getEnvironment().getProperty("jobrunr.background-job-server.worker-count"), load());
    }

    // --- submit -------------------------------------------------------------------------------------------

    private void submit() throws Exception {
        int submissions = Integer.getInteger("bench.submissions", 5000);
        int concurrency = Integer.getInteger("bench.concurrency", 32);
        fireAndForget(500, concurrency, false); // warm-up
        awaitIdle();
        CpuClock cpu = new CpuClock();
        fireAndForget(submissions, concurrency, true);
        System.out.printf("  CPU while accepting: %s%n", cpu.perItem(submissions));
        awaitIdle();
        System.out.printf("  CPU until every run had ended too: %s%n", cpu.perItem(submissions));
        acceptPathAlone(submissions, concurrency);
        int rate = Integer.getInteger("bench.rate", 500);
        int rateSeconds = Integer.getInteger("bench.rateSeconds", 10);
        atFixedRate(rate, rateSeconds, true);
        atFixedRate(rate, rateSeconds, false);
        submitToStart(200);
        waitMode(300);
    }

    /**
     * Submissions sent at a fixed rate whatever the answers (open loop), each latency counted from when the
     * submission was due, so a service that falls behind shows it as latency instead of a client-side limit
     * hiding the queueing: the way to check "N submissions/s at p99 <= X ms".
     */
    private void atFixedRate(int perSecond, int seconds, boolean workersPaused) throws Exception {
        BackgroundJobServer jobServer = app.getBean(BackgroundJobServer.class);
        if (workersPaused) {
            jobServer.pauseProcessing();
        }
        try {
            int count = perSecond * seconds;
            long interval = 1_000_000_000L / perSecond;
            List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger refused = new AtomicInteger();
            List<CompletableFuture<?>> calls = new ArrayList<>();
            String loadBefore = load();
            CpuClock cpu = new CpuClock();
            long begin = System.nanoTime() + 10_000_000L;
            for (int i = 0; i < count; i++) {
                long due = begin + i * interval;
                for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                }
                calls.add(http.sendAsync(post("/execute_experiment", TRIVIAL), HttpResponse.BodyHandlers.discarding())
                        .whenComplete((response, error) -> {
                            if (error == null && response.statusCode() == 202) {
                                latencies.add(System.nanoTime() - due);
                            } else {
                                refused.incrementAndGet();
                            }
                        }));
            }
            CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
            double elapsed = (System.nanoTime() - begin) / 1e9;
            System.out.printf("fixed rate %d/s for %d s, workers %s: %d accepted, %d not, %.0f/s achieved, latency from due time %s (%s)%n",
                    perSecond, seconds, workersPaused ? "paused" : "running", latencies.size(), refused.get(),
                    latencies.size() / elapsed, percentiles(latencies), loadBefore);
            System.out.printf("  CPU while sending: %s%n", cpu.perItem(count));
        } finally {
            if (workersPaused) {
                jobServer.resumeProcessing();
            }
        }
        awaitIdle();
    }

    /** The same burst with JobRunr's workers paused: what accepting costs without the runs executing meanwhile. */
    private void acceptPathAlone(int submissions, int concurrency) throws Exception {
        BackgroundJobServer jobServer = app.getBean(BackgroundJobServer.class);
        jobServer.pauseProcessing();
        try {
            System.out.print("job server paused; ");
            CpuClock cpu = new CpuClock();
            fireAndForget(submissions, concurrency, true);
            System.out.printf("  CPU while accepting (nothing executing): %s%n", cpu.perItem(submissions));
        } finally {
            jobServer.resumeProcessing();
        }
        awaitIdle();
    }

    private void fireAndForget(int count, int concurrency, boolean report) throws Exception {
        Semaphore permits = new Semaphore(concurrency);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        List<CompletableFuture<?>> calls = new ArrayList<>();
        String loadBefore = load();
        long begin = System.nanoTime();
        for (int i = 0; i < count; i++) {
            permits.acquire();
            long sent = System.nanoTime();
            calls.add(http.sendAsync(post("/execute_experiment", TRIVIAL), HttpResponse.BodyHandlers.ofString())
                    .whenComplete((response, error) -> {
                        permits.release();
                        if (error == null && response.statusCode() == 202) {
                            latencies.add(System.nanoTime() - sent);
                        }
                    }));
        }
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
        double seconds = (System.nanoTime() - begin) / 1e9;
        if (report) {
            System.out.printf("fire-and-forget: %d submissions, %d accepted, concurrency %d: %.0f accepted/s, latency %s (%s)%n",
                    count, latencies.size(), concurrency, latencies.size() / seconds, percentiles(latencies), loadBefore);
        }
    }

    private void submitToStart(int count) throws Exception {
        List<Long> delays = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long sent = System.nanoTime();
            String runId = runId(http.send(post("/execute_experiment", TRIVIAL), HttpResponse.BodyHandlers.ofString()).body());
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!startedAt.containsKey(runId) && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            delays.add(startedAt.getOrDefault(runId, deadline) - sent);
            Thread.sleep(20);
        }
        System.out.printf("submit-to-start (idle server, one at a time): %d runs, %s (%s)%n", count, percentiles(delays), load());
    }

    private void waitMode(int count) throws Exception {
        List<Long> roundTrips = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long sent = System.nanoTime();
            HttpResponse<String> response = http.send(post("/execute_experiment?wait=true", TRIVIAL), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                roundTrips.add(System.nanoTime() - sent);
            }
        }
        System.out.printf("wait-mode round trip (trivial experiment): %d of %d answered 200, %s (%s)%n",
                roundTrips.size(), count, percentiles(roundTrips), load());
    }

    // --- parallel sleeps ------------------------------------------------------------------------------

    private void parallelSleeps() throws Exception {
        String sleep2 = experiment("sleep 2", List.of(processAction("sleep", "sleep", "2")));
        for (int round = 0; round < 3; round++) {
            awaitIdle();
            List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
            long begin = System.nanoTime();
            for (int i = 0; i < 8; i++) {
                calls.add(http.sendAsync(post("/execute_experiment?wait=true", sleep2), HttpResponse.BodyHandlers.ofString()));
            }
            CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
            double seconds = (System.nanoTime() - begin) / 1e9;
            long completed = calls.stream().filter(call -> call.join().statusCode() == 200).count();
            System.out.printf("parallel sleeps (round %d): 8 runs of 'sleep 2' at once, %d completed, all ended after %.2f s (%s)%n",
                    round + 1, completed, seconds, load());
        }
    }

    // --- engine overhead ------------------------------------------------------------------------------

    private void engineOverhead() throws Exception {
        String one = experiment("one true", IntStream.range(0, 1).mapToObj(i -> processAction("true " + i, "true", null)).toList());
        String many = experiment("101 true", IntStream.range(0, 101).mapToObj(i -> processAction("true " + i, "true", null)).toList());
        int rounds = Integer.getInteger("bench.rounds", 15);
        List<Long> t1 = new ArrayList<>();
        List<Long> t101 = new ArrayList<>();
        for (int i = 0; i < 3; i++) { // warm-up
            roundTrip(one);
            roundTrip(many);
        }
        for (int i = 0; i < rounds; i++) {
            t1.add(roundTrip(one));
            t101.add(roundTrip(many));
        }
        double perActivityMs = (median(t101) - median(t1)) / 100 / 1e6;
        double startTrueMs = startTrueCost(300) / 1e6;
        double providerMs = providerCost(300) / 1e6;
        System.out.printf("engine overhead: %d rounds, wait-mode round trip median t1 %.1f ms, t101 %.1f ms -> %.3f ms per activity; "
                        + "starting 'true' with ProcessBuilder %.3f ms -> engine overhead %.3f ms per activity (%s)%n",
                rounds, median(t1) / 1e6, median(t101) / 1e6, perActivityMs, startTrueMs, perActivityMs - startTrueMs, load());
        System.out.printf("  launch mechanism: %s, JDK %s%n",
                System.getProperty(io.github.dqualizer.ctk.ProcessLaunch.PROPERTY, "JDK default"), Runtime.version());
        System.out.printf("  of which the process provider alone (ProcessProvider.run of 'true', same thread): %.3f ms, "
                + "i.e. %.3f ms over starting 'true'%n", providerMs, providerMs - startTrueMs);
    }

    /** Median of the engine's process provider running {@code true}, without engine, job or database around it. */
    private static double providerCost(int count) throws Exception {
        io.github.dqualizer.ctk.providers.process.ProcessProvider provider =
                new io.github.dqualizer.ctk.providers.process.ProcessProvider(io.github.dqualizer.ctk.pyvalues.EnvLookup.system());
        Map<String, Object> block = Map.of("type", "process", "path", "true");
        List<Long> costs = new ArrayList<>();
        for (int i = 0; i < count + 50; i++) {
            long begin = System.nanoTime();
            provider.run(block);
            if (i >= 50) {
                costs.add(System.nanoTime() - begin);
            }
        }
        return median(costs);
    }

    private long roundTrip(String experiment) throws Exception {
        long sent = System.nanoTime();
        HttpResponse<String> response = http.send(post("/execute_experiment?wait=true", experiment), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Run did not complete: " + response.body());
        }
        return System.nanoTime() - sent;
    }

    /** Median of starting {@code true} and waiting for it, as plainly as the JDK allows. */
    private static double startTrueCost(int count) throws Exception {
        List<Long> costs = new ArrayList<>();
        for (int i = 0; i < count + 50; i++) {
            long begin = System.nanoTime();
            Process process = new ProcessBuilder("true").redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            process.waitFor();
            if (i >= 50) {
                costs.add(System.nanoTime() - begin);
            }
        }
        return median(costs);
    }

    // --- wait-mode requests held open -------------------------------------------------------------------

    private void waitHeld() throws Exception {
        int requests = Integer.getInteger("bench.held", 1000);
        String sleep20 = experiment("sleep 20", List.of(processAction("sleep", "sleep", "20")));
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(30)).build();
        awaitIdle();
        // warm the path once so class loading is not counted as growth
        http.send(post("/execute_experiment?wait=true&timeout=1", sleep20), HttpResponse.BodyHandlers.ofString());
        app.getBean(RunCanceller.class).stopAll("benchmark");
        awaitIdle();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long heapBefore = usedHeapAfterGc(memory);
        int threadsBefore = threads.getThreadCount();

        AtomicInteger answered = new AtomicInteger();
        long heldSince = System.nanoTime();
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            calls.add(client.sendAsync(post("/execute_experiment?wait=true&timeout=600", sleep20), HttpResponse.BodyHandlers.ofString())
                    .whenComplete((response, error) -> answered.incrementAndGet()));
        }
        JdbcTemplate jdbc = new JdbcTemplate(app.getBean(DataSource.class));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Integer.getInteger("bench.heldDeadline", 600));
        while (activeRuns(jdbc) < requests && answered.get() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        double storedAfterSeconds = (System.nanoTime() - heldSince) / 1e9;
        Thread.sleep(2000); // let every request settle into waiting
        long heapDuring = usedHeapAfterGc(memory);
        int threadsDuring = threads.getThreadCount();
        int peakThreads = threads.getPeakThreadCount();
        long stored = activeRuns(jdbc);
        int answeredEarly = answered.get();
        long stopDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (answered.get() < requests && System.nanoTime() < stopDeadline) {
            app.getBean(RunCanceller.class).stopAll("benchmark"); // again for requests stored after the last stop
            Thread.sleep(1000);
        }
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        Map<Integer, Long> statuses = calls.stream().collect(Collectors.groupingBy(call -> call.join().statusCode(), Collectors.counting()));
        System.out.printf("wait-held: %d wait-mode requests, %d runs queued/running while held (%.0f s to store them all), %d answered early; "
                        + "used heap after GC %.1f MB -> %.1f MB (+%.1f MB); threads %d -> %d (peak %d); after stop-all answers %s (%s)%n",
                requests, stored, storedAfterSeconds, answeredEarly, heapBefore / 1e6, heapDuring / 1e6, (heapDuring - heapBefore) / 1e6,
                threadsBefore, threadsDuring, peakThreads, statuses, load());
        System.out.println("  (client and service share this JVM: heap and threads include the client's 1,000 pending requests)");
    }

    private static long activeRuns(JdbcTemplate jdbc) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM experiment_runs WHERE status IN ('QUEUED', 'RUNNING')", Long.class);
        return count == null ? 0 : count;
    }

    private static long usedHeapAfterGc(MemoryMXBean memory) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            memory.gc();
            Thread.sleep(200);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    // --- helpers -----------------------------------------------------------------------------------------

    /** Waits until no run is queued or running, so one measurement does not pay for the previous one. */
    private void awaitIdle() throws InterruptedException {
        JdbcTemplate jdbc = new JdbcTemplate(app.getBean(DataSource.class));
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (activeRuns(jdbc) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        Thread.sleep(1000);
    }

    private static String experiment(String title, List<String> actions) {
        return "{\"title\": \"" + title + "\", \"description\": \"benchmark\", \"method\": [" + String.join(",", actions) + "]}";
    }

    private static String processAction(String name, String path, String arguments) {
        return "{\"type\": \"action\", \"name\": \"" + name + "\", \"provider\": {\"type\": \"process\", \"path\": \"" + path + "\""
                + (arguments == null ? "" : ", \"arguments\": \"" + arguments + "\"") + "}}";
    }

    private HttpRequest post(String path, String body) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofMinutes(15))
                .header("Content-Type", "application/json")
                .header("dbUsername", TestUsers.DB_USER).header("dbPassword", TestUsers.DB_PASSWORD)
                .header("username", TestUsers.DEMO_USER).header("password", TestUsers.DEMO_PASSWORD)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static String runId(String body) {
        Matcher matcher = RUN_ID.matcher(body);
        if (!matcher.find()) {
            throw new IllegalStateException("No run id in " + body);
        }
        return matcher.group(1);
    }

    /** The bench database: CTK_BENCH_DB_URL, else the tests' CTK_TEST_MYSQL_URL (account as for the tests). */
    static String databaseUrl() {
        String url = System.getenv().getOrDefault("CTK_BENCH_DB_URL", MySqlTestDatabase.url());
        if (url == null) {
            throw new IllegalStateException("Set CTK_BENCH_DB_URL (or CTK_TEST_MYSQL_URL) to a MySQL database");
        }
        return url;
    }

    static String load() {
        return String.format("load average %.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static double median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static String percentiles(List<Long> nanos) {
        if (nanos.isEmpty()) {
            return "no samples";
        }
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return String.format("p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms",
                at(sorted, 0.50), at(sorted, 0.95), at(sorted, 0.99), sorted.get(sorted.size() - 1) / 1e6);
    }

    private static double at(List<Long> sorted, double quantile) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(quantile * sorted.size()) - 1)) / 1e6;
    }

    /**
     * CPU time spent by this JVM (service and client) and by the database server process, so a figure can be
     * read apart from the machine's load: on an otherwise idle machine, N cores give at most N s of CPU per s.
     */
    static final class CpuClock {

        private final long jvmStart = jvmCpuNanos();
        private final long dbStart = databaseCpuNanos();

        String perItem(int items) {
            double jvm = (jvmCpuNanos() - jvmStart) / 1e6 / items;
            long db = databaseCpuNanos();
            double database = db < 0 || dbStart < 0 ? Double.NaN : (db - dbStart) / 1e6 / items;
            return String.format("%.2f ms per item in this JVM (service and client), %.2f ms in the database server", jvm, database);
        }

        private static long jvmCpuNanos() {
            return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
        }

        /** utime + stime of mariadbd/mysqld from /proc, or -1 when it is not a local process. */
        static long databaseCpuNanos() {
            try (var processes = java.nio.file.Files.list(java.nio.file.Path.of("/proc"))) {
                for (var dir : (Iterable<java.nio.file.Path>) processes::iterator) {
                    java.nio.file.Path comm = dir.resolve("comm");
                    if (!dir.getFileName().toString().matches("\\d+") || !java.nio.file.Files.isReadable(comm)) {
                        continue;
                    }
                    String name = java.nio.file.Files.readString(comm).trim();
                    if (name.equals("mariadbd") || name.equals("mysqld")) {
                        return Math.round(ServiceProcess.cpuSeconds(Long.parseLong(dir.getFileName().toString())) * 1e9);
                    }
                }
            } catch (java.io.IOException | RuntimeException e) {
                return -1;
            }
            return -1;
        }
    }
}
