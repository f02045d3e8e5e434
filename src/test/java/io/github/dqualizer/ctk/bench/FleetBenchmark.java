package io.github.dqualizer.ctk.bench;

import io.github.dqualizer.ctk.support.ExternalService;
import io.github.dqualizer.ctk.support.MySqlTestDatabase;
import io.github.dqualizer.ctk.support.TestUsers;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Scenario {@code fleet} (docs/benchmarks.md): 1, 2 and 3 instances, each its own JVM process with its own
 * {@code ctk.instance.host}, on the bench database. Per fleet size: submit→start of runs accepted by the first
 * instance, split by where they execute (its own host, another host): from the client's send to the journal's
 * {@code start} (one machine, one clock); then 24 two-second runs submitted at once to the first instance:
 * wall time until all have ended, and the hosts they executed on. Reports, asserts nothing.
 */
public final class FleetBenchmark {

    private static final int SAMPLES = Integer.getInteger("bench.fleetSamples", 60);
    private static final int ROUND = 24;

    private FleetBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String url = System.getenv("CTK_BENCH_DB_URL");
        DriverManagerDataSource dataSource = new DriverManagerDataSource(url, MySqlTestDatabase.username(), MySqlTestDatabase.password());
        for (int size = 1; size <= 3; size++) {
            List<String> hosts = new ArrayList<>();
            List<ExternalService> fleet = start(url, size, hosts);
            try {
                TestUsers.ensure(dataSource);
                measure(fleet, hosts);
            } finally {
                fleet.forEach(ExternalService::close);
            }
        }
        System.exit(0);
    }

    private static List<ExternalService> start(String url, int size, List<String> hosts) throws Exception {
        ExecutorService starter = Executors.newFixedThreadPool(size);
        try {
            List<CompletableFuture<ExternalService>> started = new ArrayList<>();
            for (int i = 1; i <= size; i++) {
                String host = "bench-h" + i + "-" + System.nanoTime() % 100000;
                hosts.add(host);
                Map<String, String> properties = new HashMap<>();
                properties.put("spring.datasource.url", url);
                properties.put("spring.datasource.username", MySqlTestDatabase.username());
                properties.put("spring.datasource.password", MySqlTestDatabase.password());
                properties.put("ctk.instance.host", host);
                properties.put("ctk.fleet.nudge-address", "127.0.0.1");
                properties.put("ctk.fleet.nudge-bind", "127.0.0.1");
                properties.put("jobrunr.background-job-server.worker-count", "8");
                started.add(CompletableFuture.supplyAsync(() -> ExternalService.start(properties,
                        Path.of("target", "bench", host + ".log").toAbsolutePath()), starter));
            }
            List<ExternalService> fleet = new ArrayList<>();
            for (CompletableFuture<ExternalService> instance : started) {
                fleet.add(instance.get());
            }
            return fleet;
        } finally {
            starter.shutdown();
        }
    }

    private static void measure(List<ExternalService> fleet, List<String> hosts) throws Exception {
        ExternalService accepting = fleet.get(0);
        for (int i = 0; i < 20; i++) { // warm-up, every host
            accepting.submit("host=" + hosts.get(i % hosts.size()), trivial());
        }
        Thread.sleep(2000);
        Map<String, List<Long>> byWhere = new TreeMap<>();
        for (int i = 0; i < SAMPLES; i++) {
            String host = hosts.get(i % hosts.size());
            Instant sent = Instant.now();
            String runId = (String) accepting.submit("host=" + host, trivial()).body().get("run_id");
            awaitEnd(accepting, runId);
            // the run view's timestamps are whole seconds on MariaDB; the journal's start has microseconds
            Instant started = OffsetDateTime.parse((String) accepting.journal(runId).get("start")).toInstant();
            long millis = Duration.between(sent, started).toMillis();
            byWhere.computeIfAbsent(host.equals(hosts.get(0)) ? "accepting host" : "other hosts", k -> new ArrayList<>())
                    .add(millis);
            Thread.sleep(100);
        }
        byWhere.forEach((where, samples) -> System.out.printf(
                "fleet of %d: submit->start on the %s: p50 %d ms, p90 %d ms, max %d ms (%d runs); %s%n",
                fleet.size(), where, percentile(samples, 50), percentile(samples, 90), percentile(samples, 100),
                samples.size(), load()));

        ExecutorService clients = Executors.newFixedThreadPool(ROUND);
        List<String> runIds = Collections.synchronizedList(new ArrayList<>());
        long begin = System.nanoTime();
        try {
            List<CompletableFuture<?>> sent = new ArrayList<>();
            for (int i = 0; i < ROUND; i++) {
                sent.add(CompletableFuture.runAsync(() -> runIds.add((String) accepting.submit(sleep2()).body().get("run_id")), clients));
            }
            for (CompletableFuture<?> one : sent) {
                one.get();
            }
        } finally {
            clients.shutdown();
        }
        Map<String, Integer> executedOn = new TreeMap<>();
        for (String runId : runIds) {
            executedOn.merge((String) awaitEnd(accepting, runId).get("host"), 1, Integer::sum);
        }
        System.out.printf("fleet of %d: %d two-second runs submitted at once to one instance: all ended after %d ms; "
                + "executed on %s; %s%n", fleet.size(), ROUND, (System.nanoTime() - begin) / 1_000_000, executedOn, load());
    }

    private static Map<String, Object> awaitEnd(ExternalService service, String runId) throws InterruptedException {
        for (int i = 0; i < 1200; i++) {
            Map<String, Object> run = service.run(runId);
            if (run.get("ended_at") != null) {
                return run;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("run " + runId + " did not end within a minute");
    }

    private static long percentile(List<Long> samples, int percent) {
        List<Long> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
    }

    private static String trivial() {
        return "{\"title\": \"fleet bench\", \"description\": \"trivial\", \"method\": []}";
    }

    private static String sleep2() {
        return "{\"title\": \"fleet round\", \"description\": \"sleeps 2 s\", \"method\": [{\"type\": \"action\", "
                + "\"name\": \"sleep\", \"provider\": {\"type\": \"process\", \"path\": \"sleep\", \"arguments\": \"2\"}}]}";
    }

    private static String load() {
        return String.format("load average %.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
