package io.github.dqualizer.ctk.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import io.github.dqualizer.ctk.support.ExternalService;
import io.github.dqualizer.ctk.support.MySqlTestDatabase;
import io.github.dqualizer.ctk.support.PrivateMariaDb;
import io.github.dqualizer.ctk.support.TestUsers;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The service's MariaDB stopped for 30 s while runs keep being submitted: every submission is
 * answered 202 or 503 (never anything else, never a hang), submissions during the outage store
 * nothing, and every accepted run — before, during or after — reaches a terminal state. Every second run is
 * pinned to the instance's host ({@code ?host=}), so it runs on the job server of the host's table set: JobRunr
 * stops both servers during the outage, and both must be restarted (the host's was not, and its runs stayed queued).
 */
class DatabaseOutageTest {

    private static final Duration OUTAGE = Duration.ofSeconds(30);
    private static final Duration CADENCE = Duration.ofMillis(500);
    private static final String HOST = "outage-host";

    @TempDir
    Path dir;

    @BeforeEach
    void requireMariaDb() {
        if (!PrivateMariaDb.available()) {
            if (MySqlTestDatabase.required()) {
                fail(PrivateMariaDb.SERVER + " is missing but MySQL-backed tests are required (ctk.test.mysql.required=true)");
            }
            Assumptions.abort(PrivateMariaDb.SERVER + " is not installed: the database outage test needs a private MariaDB server");
        }
    }

    @Test
    void submissionsWhenDatabaseStoppedFor30sThenAccepted503OrFinishedAndNoAcceptedRunLost() throws Exception {
        try (PrivateMariaDb db = PrivateMariaDb.start(dir.resolve("mariadb"));
             ExternalService service = ExternalService.start(Map.of(
                     "spring.datasource.url", db.jdbcUrl(),
                     "spring.datasource.username", TestUsers.DB_USER,
                     "spring.datasource.password", TestUsers.DB_PASSWORD,
                     "ctk.jobs.watchdog-interval", "1s",
                     "ctk.instance.host", HOST,
                     // the host's job server polls as often as the shared one, so it meets the outage too
                     "ctk.fleet.host-poll-interval-in-seconds", "5"), Reliability.log("outage"))) {
            TestUsers.ensure(new DriverManagerDataSource(db.jdbcUrl(), TestUsers.DB_USER, TestUsers.DB_PASSWORD));
            Submissions submissions = new Submissions(service);
            long restartedAt;
            try {
                submissions.keepSubmitting("before", Duration.ofSeconds(8));
                long stopping = System.nanoTime();
                db.stop();
                Reliability.report("outage: MariaDB stopped in %d ms", (System.nanoTime() - stopping) / 1_000_000);
                submissions.keepSubmitting("during", OUTAGE); // the deliberate outage
                restartedAt = System.nanoTime();
                db.startAgain();
                Reliability.report("outage: MariaDB started again in %d ms", (System.nanoTime() - restartedAt) / 1_000_000);
                submissions.keepSubmitting("after", Duration.ofSeconds(12));
                submissions.awaitAnswers();
                Reliability.report("outage: first 202 %d ms after MariaDB was back",
                        (submissions.firstAcceptedAfter(restartedAt) - restartedAt) / 1_000_000);
            } finally {
                submissions.shutdown();
            }

            List<Submission> all = submissions.all();
            assertThat(all).allSatisfy(s -> {
                assertThat(s.failure()).as("no hang (the client gives up after 30 s), no broken connection").isNull();
                assertThat(s.status()).isIn(202, 503);
                if (s.status() == 503) {
                    // the answer of a submission that gave up on the database, not of a stuck or half-done one
                    assertThat(s.body()).containsEntry("status_code", 503);
                    assertThat((String) s.body().get("info")).contains("nothing was stored");
                }
            });
            Map<String, List<Submission>> byPhase = all.stream().collect(Collectors.groupingBy(Submission::phase));
            // sent and answered while the database was down (one sent late in the outage may be answered 202 after it)
            assertThat(byPhase.get("during")).filteredOn(s -> s.answeredAt() < restartedAt).isNotEmpty()
                    .allSatisfy(s -> assertThat(s.status()).as("answered while the database was down").isEqualTo(503));
            assertThat(byPhase.get("before")).extracting(Submission::status).contains(202);
            assertThat(byPhase.get("after")).extracting(Submission::status).contains(202);
            assertThat(byPhase.get("after")).filteredOn(Submission::pinned).extracting(Submission::status).contains(202);

            Set<String> accepted = all.stream().filter(s -> s.status() == 202)
                    .map(s -> (String) s.body().get("run_id")).collect(Collectors.toSet());
            long awaiting = System.nanoTime();
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                    assertThat(statuses(db)).containsOnlyKeys(accepted).doesNotContainValue("QUEUED").doesNotContainValue("RUNNING"));
            Map<String, String> stored = statuses(db);
            Reliability.report("outage: %s; %d runs stored, all terminal %d ms after the last submission: %s",
                    counts(byPhase), stored.size(), (System.nanoTime() - awaiting) / 1_000_000,
                    stored.values().stream().collect(Collectors.groupingBy(v -> v, Collectors.counting())));
            assertThat(stored).as("nothing half-stored: exactly the accepted runs").containsOnlyKeys(accepted);
            assertThat(stored.values()).as("every accepted run ran to its end").containsOnly("COMPLETED");
        }
    }

    private static Map<String, String> statuses(PrivateMariaDb db) throws Exception {
        Map<String, String> statuses = new HashMap<>();
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), TestUsers.DB_USER, TestUsers.DB_PASSWORD);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT id, status FROM experiment_runs")) {
            while (rows.next()) {
                statuses.put(rows.getString("id"), rows.getString("status"));
            }
        }
        return statuses;
    }

    private static String counts(Map<String, List<Submission>> byPhase) {
        return List.of("before", "during", "after").stream().map(phase -> {
            Map<Integer, Long> codes = byPhase.getOrDefault(phase, List.of()).stream()
                    .collect(Collectors.groupingBy(Submission::status, Collectors.counting()));
            long slowest = byPhase.getOrDefault(phase, List.of()).stream().mapToLong(Submission::millis).max().orElse(0);
            return phase + " " + codes + " (slowest answer " + slowest + " ms)";
        }).collect(Collectors.joining(", "));
    }

    /** One answered (or failed) submission: the phase it was sent in, status code and envelope. */
    record Submission(String phase, boolean pinned, int status, Map<String, Object> body, Throwable failure, long answeredAt,
                      long millis) {
    }

    /** Sends a short run every {@link #CADENCE}, each on its own thread, and records the answers. */
    private static final class Submissions {

        private final ExternalService service;
        private final ExecutorService senders = Executors.newCachedThreadPool();
        private final ConcurrentLinkedQueue<Submission> answers = new ConcurrentLinkedQueue<>();
        private final List<java.util.concurrent.Future<?>> pending = new ArrayList<>();
        private int sent;

        Submissions(ExternalService service) {
            this.service = service;
        }

        void keepSubmitting(String phase, Duration duration) throws InterruptedException {
            long end = System.nanoTime() + duration.toNanos();
            while (System.nanoTime() < end) {
                String experiment = """
                        {"title": "short run %d (%s)", "description": "submitted around a database outage",
                         "method": [{"type": "action", "name": "sleep", "provider": {"type": "process", "path": "sleep", "arguments": ["2"]}}]}
                        """.formatted(++sent, phase);
                boolean pinned = sent % 2 == 0;
                pending.add(senders.submit(() -> send(phase, pinned, experiment)));
                Thread.sleep(CADENCE.toMillis()); // the submission cadence, not a wait for a condition
            }
        }

        private void send(String phase, boolean pinned, String experiment) {
            long sentAt = System.nanoTime();
            try {
                ExternalService.Response response = pinned ? service.submit("host=" + HOST, experiment) : service.submit(experiment);
                long now = System.nanoTime();
                answers.add(new Submission(phase, pinned, response.statusCode(), response.body(), null, now,
                        (now - sentAt) / 1_000_000));
            } catch (RuntimeException e) {
                long now = System.nanoTime();
                answers.add(new Submission(phase, pinned, -1, Map.of(), e, now, (now - sentAt) / 1_000_000));
            }
        }

        void awaitAnswers() throws Exception {
            for (var future : pending) {
                future.get(60, TimeUnit.SECONDS);
            }
        }

        long firstAcceptedAfter(long nanos) {
            return answers.stream().filter(s -> s.status() == 202 && s.answeredAt() > nanos)
                    .mapToLong(Submission::answeredAt).min().orElse(nanos);
        }

        List<Submission> all() {
            return List.copyOf(answers);
        }

        void shutdown() {
            senders.shutdownNow();
        }
    }
}
