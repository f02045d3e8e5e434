package io.github.dqualizer.ctk.api.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.dqualizer.ctk.support.Experiments;
import io.github.dqualizer.ctk.support.MySqlTestDatabase;
import io.github.dqualizer.ctk.support.TestUsers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * 2,000 fire-and-forget submissions at once (64 in flight on a non-blocking client), on MySQL when one is
 * configured, else on H2: every 202 is stored and reaches a terminal status, every other answer is an
 * enveloped 503 or 429, and the counts match exactly.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ctk.dashboard.enabled=false",
        "ctk.secrets.key-file=target/test-secrets.key"})
class SubmissionBurstTest {

    static final int SUBMISSIONS = 2_000;
    static final int IN_FLIGHT = 64;
    private static final Set<String> TERMINAL = Set.of("COMPLETED", "FAILED", "ABORTED", "INTERRUPTED");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        if (MySqlTestDatabase.configured()) {
            registry.add("spring.datasource.url", MySqlTestDatabase::url);
            registry.add("spring.datasource.username", MySqlTestDatabase::username);
            registry.add("spring.datasource.password", MySqlTestDatabase::password);
        } else {
            registry.add("spring.datasource.url", () -> "jdbc:h2:mem:ctk-burst;MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
                    + "CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1");
        }
    }

    @Test
    void twoThousandConcurrentSubmissionsThenAcceptedStoredAndFinishedCountsMatch() throws Exception {
        TestUsers.ensure(dataSource);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        long rowsBefore = jdbc.queryForObject("SELECT COUNT(*) FROM experiment_runs", Long.class);
        // HTTP/1.1 as dqualizer sends it: the JDK default (HTTP/2) first tries an h2c upgrade the service does not offer
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        Set<String> acceptedIds = ConcurrentHashMap.newKeySet();
        ConcurrentMap<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        Semaphore slots = new Semaphore(IN_FLIGHT);
        List<CompletableFuture<?>> pending = new ArrayList<>();

        long started = System.nanoTime();
        for (int i = 0; i < SUBMISSIONS; i++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/execute_experiment"))
                    .timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json")
                    .header("dbUsername", TestUsers.DB_USER).header("dbPassword", TestUsers.DB_PASSWORD)
                    .header("username", TestUsers.DEMO_USER).header("password", TestUsers.DEMO_PASSWORD)
                    .POST(HttpRequest.BodyPublishers.ofString(Experiments.trivial()));
            slots.acquire();
            pending.add(client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
                    .orTimeout(90, TimeUnit.SECONDS)
                    .whenComplete((response, error) -> {
                        slots.release();
                        if (error != null) {
                            failures.add("no answer: " + error);
                            return;
                        }
                        statuses.computeIfAbsent(response.statusCode(), s -> new AtomicInteger()).incrementAndGet();
                        Map<?, ?> envelope = JSON.readValue(response.body(), Map.class);
                        if (!Integer.valueOf(response.statusCode()).equals(envelope.get("status_code"))) {
                            failures.add("status_code differs from HTTP status: " + response.body());
                        } else if (response.statusCode() == 202) {
                            acceptedIds.add((String) envelope.get("run_id"));
                        } else if (response.statusCode() != 503 && response.statusCode() != 429) {
                            failures.add("HTTP " + response.statusCode() + ": " + response.body());
                        }
                    }));
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        Duration submitted = Duration.ofNanos(System.nanoTime() - started);

        assertThat(failures).isEmpty();
        int accepted = statuses.getOrDefault(202, new AtomicInteger()).get();
        assertThat(acceptedIds).hasSize(accepted);
        assertThat(statuses.values().stream().mapToInt(AtomicInteger::get).sum()).isEqualTo(SUBMISSIONS);
        long stored = jdbc.queryForObject("SELECT COUNT(*) FROM experiment_runs", Long.class) - rowsBefore;
        assertThat(stored).as("stored runs = accepted submissions").isEqualTo(accepted);

        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500))
                .until(() -> finished(jdbc, acceptedIds) == accepted);
        Duration all = Duration.ofNanos(System.nanoTime() - started);
        Map<String, Long> byStatus = statusCounts(jdbc, acceptedIds);
        System.out.printf("burst on %s: %d submissions, answers %s, submitted in %d ms (%.0f/s), all %d finished in %d ms "
                        + "(%.0f runs/s), final statuses %s%n",
                MySqlTestDatabase.configured() ? "MySQL" : "H2", SUBMISSIONS, new TreeMap<>(statuses), submitted.toMillis(),
                SUBMISSIONS * 1000.0 / submitted.toMillis(), accepted, all.toMillis(), accepted * 1000.0 / all.toMillis(),
                byStatus);
        assertThat(byStatus.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(accepted);
        assertThat(byStatus).containsOnlyKeys("COMPLETED"); // trivial runs: nothing may fail under load
    }

    private static long finished(JdbcTemplate jdbc, Set<String> ids) {
        return statusCounts(jdbc, ids).entrySet().stream().filter(e -> TERMINAL.contains(e.getKey()))
                .mapToLong(Map.Entry::getValue).sum();
    }

    private static Map<String, Long> statusCounts(JdbcTemplate jdbc, Set<String> ids) {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.query("SELECT id, status FROM experiment_runs", rs -> {
            if (ids.contains(rs.getString("id"))) {
                counts.merge(rs.getString("status"), 1L, Long::sum);
            }
        });
        return counts;
    }
}
