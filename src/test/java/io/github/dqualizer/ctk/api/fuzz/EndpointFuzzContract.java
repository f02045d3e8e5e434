package io.github.dqualizer.ctk.api.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dqualizer.ctk.support.Experiments;
import io.github.dqualizer.ctk.support.TestUsers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends 10,000 seeded hostile requests to {@code POST /execute_experiment} of the running service and checks
 * the answers: never a 5xx, every 4xx the envelope without internals, nothing stored for rejected requests,
 * and the service still healthy and running experiments afterwards. Subclasses choose the database.
 */
abstract class EndpointFuzzContract {

    static final long SEED = 20_261_201L;
    static final int REQUESTS = Integer.getInteger("ctk.fuzz.requests", 10_000);
    static final int IN_FLIGHT = 16;
    /** Generous: the 2-core machine is shared. A request without an answer in this time is lost and fails the test. */
    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;

    @Test
    void tenThousandHostileRequestsThenOnlyEnvelopedClientErrorsNothingStoredForRejectsAndStillHealthy() throws Exception {
        TestUsers.ensure(dataSource);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        long runsBefore = count(jdbc, "experiment_runs");
        long jobsBefore = count(jdbc, EXPERIMENT_JOBS);
        List<RequestFuzzer.Case> cases = new RequestFuzzer(SEED).cases(REQUESTS);
        // HTTP/1.1 as dqualizer sends it: the JDK default (HTTP/2) first tries an h2c upgrade the service does not offer
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();

        ConcurrentMap<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        ConcurrentMap<String, AtomicInteger> kinds = new ConcurrentHashMap<>();
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger notSendable = new AtomicInteger();
        java.util.Queue<Long> latencies = new java.util.concurrent.ConcurrentLinkedQueue<>();
        Semaphore slots = new Semaphore(IN_FLIGHT);
        List<CompletableFuture<?>> pending = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < cases.size(); i++) {
            RequestFuzzer.Case fuzzCase = cases.get(i);
            HttpRequest request;
            try {
                request = build(fuzzCase);
            } catch (IllegalArgumentException unsendable) {
                notSendable.incrementAndGet(); // a header the JDK client refuses to put on the wire
                continue;
            }
            int index = i;
            slots.acquire();
            long sent = System.nanoTime();
            pending.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                    .orTimeout(ANSWER_TIMEOUT.toSeconds(), TimeUnit.SECONDS)
                    .whenComplete((response, error) -> {
                        slots.release();
                        latencies.add((System.nanoTime() - sent) / 1_000_000);
                        if (error != null) {
                            failures.add("#" + index + " " + fuzzCase.kind() + ": no answer (" + error + ")");
                            return;
                        }
                        int status = response.statusCode();
                        statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                        kinds.computeIfAbsent(fuzzCase.kind().replaceAll("-\\d+$", "") + " " + status,
                                k -> new AtomicInteger()).incrementAndGet();
                        if (status == 202) {
                            accepted.incrementAndGet();
                            return;
                        }
                        if (status >= 500) {
                            failures.add("#" + index + " " + fuzzCase.kind() + ": HTTP " + status + " "
                                    + Envelopes.preview(response.body()));
                            return;
                        }
                        String problem = Envelopes.problem(status, response.body());
                        if (problem != null) {
                            failures.add("#" + index + " " + fuzzCase.kind() + ": HTTP " + status + " " + problem);
                        }
                    }));
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("fuzz %s: %d requests (%d not sendable by the JDK client) in %d ms, statuses %s, "
                        + "latency p50 %d ms, p99 %d ms, max %d ms, %d accepted%n",
                getClass().getSimpleName(), cases.size(), notSendable.get(), took.toMillis(), new TreeMap<>(statuses),
                sorted[sorted.length / 2], sorted[(int) (sorted.length * 0.99)], sorted[sorted.length - 1], accepted.get());
        System.out.println("fuzz by kind: " + new TreeMap<>(kinds));
        assertThat(failures).as("answers that break the contract").isEmpty();
        assertThat(statuses.keySet()).as("no 5xx at all (no 503 expected either)").allMatch(s -> s < 500);
        assertThat(count(jdbc, "experiment_runs") - runsBefore).as("stored runs = accepted requests")
                .isEqualTo(accepted.get());
        assertThat(count(jdbc, EXPERIMENT_JOBS) - jobsBefore).as("queued experiment jobs = accepted requests")
                .isEqualTo(accepted.get());
        assertHealthyAndStillRunning(client);
    }

    private void assertHealthyAndStillRunning(HttpClient client) throws Exception {
        HttpResponse<String> health = client.send(HttpRequest.newBuilder(uri("/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(JSON.readValue(health.body(), Map.class).get("status")).isEqualTo("UP");

        HttpRequest.Builder run = HttpRequest.newBuilder(uri("/execute_experiment?wait=true&timeout=120"))
                .timeout(Duration.ofSeconds(150))
                .POST(HttpRequest.BodyPublishers.ofString(Experiments.withSteadyState("after the fuzz")));
        RequestFuzzer.authorized("application/json").forEach(h -> run.header(h[0], h[1]));
        HttpResponse<String> answer = client.send(run.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(JSON.readValue(answer.body(), Map.class).get("journal_status")).isEqualTo("completed");
    }

    private HttpRequest build(RequestFuzzer.Case fuzzCase) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri("/execute_experiment" + fuzzCase.query()))
                .timeout(ANSWER_TIMEOUT)
                .method(fuzzCase.method(), fuzzCase.body().length == 0 && !fuzzCase.method().equals("POST")
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(fuzzCase.body()));
        for (String[] header : fuzzCase.headers()) {
            builder.header(header[0], header[1]);
        }
        return builder.build();
    }

    private URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port + pathAndQuery);
    }

    /** The jobs of runs; the service's own recurring jobs (run reconciliation) may fire while the fuzz runs. */
    private static final String EXPERIMENT_JOBS = "jobrunr_jobs WHERE jobSignature LIKE 'io.github.dqualizer.ctk.jobs.ExperimentJob.%'";

    static long count(JdbcTemplate jdbc, String table) {
        Long rows = jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
        return rows == null ? 0 : rows;
    }
}
