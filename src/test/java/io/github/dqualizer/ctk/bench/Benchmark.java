package io.github.dqualizer.ctk.bench;

import io.github.dqualizer.ctk.CtkApplication;
import io.github.dqualizer.ctk.engine.RunListener;
import io.github.dqualizer.ctk.providers.RunContext;
import io.github.dqualizer.ctk.support.TestUsers;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Benchmark harness (docs/benchmarks.md): starts the service in this JVM against the configured
 * database and measures, over loopback HTTP, fire-and-forget throughput and latency, submit-to-start
 * latency and the wait-mode round trip of a trivial experiment. It reports; it asserts nothing.
 */
public final class Benchmark {

    private static final String TRIVIAL = "{\"title\": \"bench\", \"description\": \"trivial\", \"method\": []}";
    private static final Pattern RUN_ID = Pattern.compile("\"run_id\":\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Map<String, Long> startedAt = new ConcurrentHashMap<>();
    private String baseUrl;

    public static void main(String[] args) throws Exception {
        new Benchmark().run(Integer.getInteger("bench.submissions", 5000), Integer.getInteger("bench.concurrency", 32));
    }

    private void run(int submissions, int concurrency) throws Exception {
        String url = System.getenv().getOrDefault("CTK_BENCH_DB_URL", System.getenv("CTK_TEST_MYSQL_URL"));
        if (url == null) {
            throw new IllegalStateException("Set CTK_BENCH_DB_URL (or CTK_TEST_MYSQL_URL) to a MySQL database");
        }
        RunListener listener = new RunListener() {
            @Override
            public void runStarted(RunContext run) {
                startedAt.put(run.runId(), System.nanoTime());
            }
        };
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(CtkApplication.class)
                .initializers(context -> context.getBeanFactory().registerSingleton("benchListener", listener))
                .run("--server.port=0", "--ctk.dashboard.enabled=false", "--spring.datasource.url=" + url,
                        "--spring.datasource.username=" + System.getenv().getOrDefault("CTK_TEST_MYSQL_USERNAME", "aDBUser"),
                        "--spring.datasource.password=" + System.getenv().getOrDefault("CTK_TEST_MYSQL_PASSWORD", "aDBPw"),
                        "--logging.level.io.github.dqualizer=WARN", "--logging.level.org.jobrunr=WARN")) {
            TestUsers.ensure(app.getBean(DataSource.class));
            baseUrl = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
            System.out.printf("database: %s, cores: %d%n", url, Runtime.getRuntime().availableProcessors());

            fireAndForget(500, concurrency); // warm-up
            Thread.sleep(3000);
            fireAndForget(submissions, concurrency);
            Thread.sleep(5000);
            submitToStart(200);
            waitMode(300);
        }
    }

    private void fireAndForget(int count, int concurrency) throws Exception {
        Semaphore permits = new Semaphore(concurrency);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        List<CompletableFuture<?>> calls = new ArrayList<>();
        long begin = System.nanoTime();
        for (int i = 0; i < count; i++) {
            permits.acquire();
            long sent = System.nanoTime();
            calls.add(http.sendAsync(post("/execute_experiment"), HttpResponse.BodyHandlers.ofString())
                    .whenComplete((response, error) -> {
                        permits.release();
                        if (error == null && response.statusCode() == 202) {
                            latencies.add(System.nanoTime() - sent);
                        }
                    }));
        }
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
        double seconds = (System.nanoTime() - begin) / 1e9;
        System.out.printf("fire-and-forget: %d submissions, %d accepted, concurrency %d: %.0f accepted/s, latency %s%n",
                count, latencies.size(), concurrency, latencies.size() / seconds, percentiles(latencies));
    }

    private void submitToStart(int count) throws Exception {
        List<Long> delays = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long sent = System.nanoTime();
            String runId = runId(http.send(post("/execute_experiment"), HttpResponse.BodyHandlers.ofString()).body());
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!startedAt.containsKey(runId) && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            delays.add(startedAt.getOrDefault(runId, deadline) - sent);
            Thread.sleep(20);
        }
        System.out.printf("submit-to-start (idle server, one at a time): %d runs, %s%n", count, percentiles(delays));
    }

    private void waitMode(int count) throws Exception {
        List<Long> roundTrips = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long sent = System.nanoTime();
            HttpResponse<String> response = http.send(post("/execute_experiment?wait=true"), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                roundTrips.add(System.nanoTime() - sent);
            }
        }
        System.out.printf("wait-mode round trip (trivial experiment): %d of %d answered 200, %s%n",
                roundTrips.size(), count, percentiles(roundTrips));
    }

    private HttpRequest post(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .header("dbUsername", TestUsers.DB_USER).header("dbPassword", TestUsers.DB_PASSWORD)
                .header("username", TestUsers.DEMO_USER).header("password", TestUsers.DEMO_PASSWORD)
                .POST(HttpRequest.BodyPublishers.ofString(TRIVIAL)).build();
    }

    private static String runId(String body) {
        Matcher matcher = RUN_ID.matcher(body);
        if (!matcher.find()) {
            throw new IllegalStateException("No run id in " + body);
        }
        return matcher.group(1);
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
}
