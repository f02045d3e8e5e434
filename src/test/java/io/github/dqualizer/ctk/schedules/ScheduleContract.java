package io.github.dqualizer.ctk.schedules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ctktest.CallbackReceiver;
import io.github.dqualizer.ctk.support.LocalClient;
import io.github.dqualizer.ctk.support.TestUsers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.jobrunr.jobs.RecurringJob;
import org.jobrunr.storage.StorageProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Schedules through the API, fired by JobRunr's real recurring jobs on the configured database: runs owned by
 * the schedule's owner with {@code schedule_id}, a firing skipped while the previous run still runs, an experiment
 * that became invalid ending as an aborted run that says why, pause/resume/delete, secrets encrypted at rest.
 * JobRunr's smallest interval (5 s) and poll interval (5 s) make each firing take 5–10 s.
 */
abstract class ScheduleContract {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON_MAP = new ParameterizedTypeReference<>() {
    };
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration FIRING = Duration.ofSeconds(60);

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;
    @Autowired
    StorageProvider jobStorage;
    WebTestClient client;
    JdbcTemplate jdbc;

    @TempDir
    Path dir;

    @BeforeEach
    void setUp() {
        TestUsers.ensure(dataSource);
        client = LocalClient.on(port, Duration.ofSeconds(30));
        jdbc = new JdbcTemplate(dataSource);
    }

    @Test
    void scheduleWhenFiredThenRunsOfTheOwnerCarryScheduleIdAndTheRecurringJobIsNamedAfterIt() throws IOException {
        String secret = "sched-secret-" + UUID.randomUUID();
        CallbackReceiver receiver = new CallbackReceiver(200);
        Path out = dir.resolve("scheduled-secret");
        Map<String, Object> body = schedule(unique("echo every 5 s"), writesSecret(secret, out), "interval", "PT5S");
        body.put("callback", receiver.url());
        Map<String, Object> created = create(body);
        String id = (String) created.get("schedule_id");
        assertThat(created).containsEntry("owner", TestUsers.DEMO_USER).containsEntry("interval", "PT5S")
                .containsEntry("paused", false).containsEntry("callback", receiver.url());
        assertThat(recurringJob(id)).as("JobRunr recurring job with the schedule's id")
                .hasValueSatisfying(job -> assertThat(job.getJobName()).isEqualTo(created.get("name")));

        String runId = await().atMost(FIRING).until(() -> runsOf(id).stream()
                .filter(run -> "COMPLETED".equals(run.get("status"))).map(run -> (String) run.get("id")).findFirst()
                .orElse(null), java.util.Objects::nonNull);

        Map<String, Object> run = get("/experiments/" + runId, TestUsers.DEMO_USER, TestUsers.DEMO_PASSWORD, 200);
        assertThat(run).containsEntry("schedule_id", id).containsEntry("status", "completed");
        assertThat(runsOf(id)).allSatisfy(r -> assertThat(r.get("owner")).isEqualTo(TestUsers.DEMO_USER));
        Map<String, Object> journal = get("/experiments/" + runId + "/journal", TestUsers.DEMO_USER, TestUsers.DEMO_PASSWORD, 200);
        assertThat(journal.toString()).doesNotContain(secret);
        Map<String, Object> stored = jdbc.queryForMap("SELECT experiment_json, secrets_cipher FROM schedules WHERE id = ?", id);
        assertThat((String) stored.get("experiment_json")).doesNotContain(secret).contains("***");
        assertThat((String) stored.get("secrets_cipher")).isNotBlank().doesNotContain(secret);
        // the fired run got the schedule's secret, encrypted again for the run (the schedule's blob is bound to it)
        assertThat(Files.readString(out)).startsWith(secret);
        assertThat(jdbc.queryForObject("SELECT secrets_cipher FROM experiment_runs WHERE id = ?", String.class, runId))
                .startsWith("v2:").doesNotContain(secret).isNotEqualTo(stored.get("secrets_cipher"));

        get("/schedules/" + id, TestUsers.OTHER_USER, TestUsers.OTHER_PASSWORD, 404);
        assertThat(items(get("/schedules", TestUsers.OTHER_USER, TestUsers.OTHER_PASSWORD, 200)))
                .noneMatch(s -> id.equals(s.get("schedule_id")));
        assertThat(items(get("/schedules", TestUsers.DEMO_USER, TestUsers.DEMO_PASSWORD, 200)))
                .anyMatch(s -> id.equals(s.get("schedule_id")));

        TestUsers.authorized(client.delete().uri("/schedules/" + id)).exchange().expectStatus().isNoContent();
        assertThat(recurringJob(id)).isEmpty();
        get("/schedules/" + id, TestUsers.DEMO_USER, TestUsers.DEMO_PASSWORD, 404);

        // the schedule's callback gets the outcome of each of its runs
        await().atMost(FIRING).until(() -> receiver.received().stream().anyMatch(r -> r.body().contains(runId)));
        receiver.close();
    }

    @Test
    void scheduleWhenPreviousRunStillRunsThenTheFiringIsSkippedAndRecorded() {
        String id = (String) create(schedule(unique("sleeps 14 s every 5 s"), sleeping(14), "interval", "PT5S"))
                .get("schedule_id");

        await().atMost(FIRING).until(() -> ((Number) get("/schedules/" + id, TestUsers.DEMO_USER, TestUsers.DEMO_PASSWORD, 200)
                .get("skipped_firings")).longValue() >= 1);
        Map<String, Object> view = post("/schedules/" + id + "/pause", 200);

        assertThat(view).containsEntry("paused", true).containsKey("last_skipped_at");
        List<Map<String, Object>> runs = runsOf(id);
        assertThat(runs).as("one run per firing that was not skipped").hasSize(((Number) view.get("firings")).intValue());
        assertThat(runs).filteredOn(run -> List.of("QUEUED", "RUNNING").contains(run.get("status"))).hasSizeLessThanOrEqualTo(1);
    }

    @Test
    void scheduleWhenExperimentBecameInvalidThenTheFiringEndsAsAnAbortedRunThatSaysWhy() throws IOException {
        Path script = dir.resolve("probe-" + UUID.randomUUID() + ".sh");
        Files.writeString(script, "#!/bin/sh\nexit 0\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        String experiment = """
                {"title": "runs a script", "description": "its executable goes away",
                 "method": [{"type": "action", "name": "script", "provider": {"type": "process", "path": "%s"}}]}
                """.formatted(script);
        String id = (String) create(schedule(unique("script every 5 s"), experiment, "interval", "PT5S")).get("schedule_id");
        Files.delete(script); // before the first firing, which comes 5 s after creation at the earliest

        Map<String, Object> run = await().atMost(FIRING).until(() -> runsOf(id).stream().findFirst().orElse(null),
                java.util.Objects::nonNull);
        post("/schedules/" + id + "/pause", 200);

        Map<String, Object> view = get("/experiments/" + run.get("id"), TestUsers.DEMO_USER, TestUsers.DEMO_PASSWORD, 200);
        assertThat(view).containsEntry("status", "aborted").containsEntry("schedule_id", id);
        assertThat((String) view.get("status_reason")).startsWith("The schedule's experiment is no longer valid: ")
                .contains(script.toString());
        assertThat((Map<String, Object>) view.get("outcome")).containsEntry("status_code", 500);
    }

    @Test
    void pauseWhenPausedThenNoRecurringJobAndResumeBringsItBack() {
        String id = (String) create(schedule(unique("hourly"), trivial(), "cron", "0 * * * *")).get("schedule_id");

        assertThat(post("/schedules/" + id + "/pause", 200)).containsEntry("paused", true);
        assertThat(recurringJob(id)).isEmpty();
        assertThat(post("/schedules/" + id + "/resume", 200)).containsEntry("paused", false);
        assertThat(recurringJob(id)).hasValueSatisfying(job -> assertThat(job.getScheduleExpression()).isEqualTo("0 * * * *"));
        TestUsers.authorized(client.delete().uri("/schedules/" + id)).exchange().expectStatus().isNoContent();
    }

    @Test
    void createWhenIntervalBelowJobRunrMinimumThen400StatingTheMinimum() {
        Map<String, Object> answer = createExpecting(schedule(unique("too often"), trivial(), "interval", "PT1S"), 400);

        assertThat(answer).containsEntry("status", "Invalid schedule.");
        assertThat((String) answer.get("info")).contains("interval fires too often")
                .contains("The smallest supported duration between recurring job instances is 5 seconds");
    }

    @Test
    void createWhenTimingOrExperimentWrongThen400AndDuplicateNameThen409() {
        Map<String, Object> both = schedule(unique("both"), trivial(), "cron", "* * * * *");
        both.put("interval", "PT1H");
        assertThat((String) createExpecting(both, 400).get("info")).contains("exactly one of cron");
        assertThat((String) createExpecting(schedule(unique("bad cron"), trivial(), "cron", "61 * * * *"), 400).get("info"))
                .startsWith("cron is not a valid cron expression");
        assertThat((String) createExpecting(schedule(unique("bad interval"), trivial(), "interval", "ten seconds"), 400)
                .get("info")).contains("ISO-8601");
        Map<String, Object> invalid = createExpecting(schedule(unique("no method"), "{\"title\": \"t\", \"description\": \"d\"}",
                "interval", "PT1H"), 400);
        assertThat(invalid).containsEntry("status", "No valid experiment found.");

        String name = unique("twice");
        String id = (String) create(schedule(name, trivial(), "interval", "PT1H")).get("schedule_id");
        assertThat(createExpecting(schedule(name, trivial(), "interval", "PT1H"), 409)).containsEntry("status_code", 409);
        TestUsers.authorized(client.delete().uri("/schedules/" + id)).exchange().expectStatus().isNoContent();
    }

    private List<Map<String, Object>> runsOf(String scheduleId) {
        return jdbc.queryForList("SELECT id, owner, status FROM experiment_runs WHERE schedule_id = ? ORDER BY seq", scheduleId);
    }

    private java.util.Optional<RecurringJob> recurringJob(String id) {
        return jobStorage.getRecurringJobs().stream().filter(job -> job.getId().equals(id)).findFirst();
    }

    private Map<String, Object> create(Map<String, Object> body) {
        return createExpecting(body, 201);
    }

    private Map<String, Object> createExpecting(Map<String, Object> body, int status) {
        return TestUsers.authorized(client.post().uri("/schedules").contentType(MediaType.APPLICATION_JSON))
                .bodyValue(JSON.writeValueAsString(body)).exchange()
                .expectStatus().isEqualTo(status).expectBody(JSON_MAP).returnResult().getResponseBody();
    }

    private Map<String, Object> post(String uri, int status) {
        return TestUsers.authorized(client.post().uri(uri)).exchange()
                .expectStatus().isEqualTo(status).expectBody(JSON_MAP).returnResult().getResponseBody();
    }

    private Map<String, Object> get(String uri, String user, String password, int status) {
        return client.get().uri(uri).header("dbUsername", TestUsers.DB_USER).header("dbPassword", TestUsers.DB_PASSWORD)
                .header("username", user).header("password", password).exchange()
                .expectStatus().isEqualTo(status).expectBody(JSON_MAP).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("items");
    }

    private static Map<String, Object> schedule(String name, String experiment, String timingField, String timing) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("experiment", JSON.readValue(experiment, Map.class));
        body.put(timingField, timing);
        return body;
    }

    private static String unique(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String trivial() {
        return io.github.dqualizer.ctk.support.Experiments.trivial();
    }

    private static String sleeping(double seconds) {
        return io.github.dqualizer.ctk.support.Experiments.sleeping(seconds);
    }

    /** Appends its secret to {@code out}, so the test sees the decrypted secret reached the activity. */
    private static String writesSecret(String secret, Path out) {
        return """
                {"title": "uses a secret", "description": "appends its secret to a file",
                 "secrets": {"vault": {"token": "%s"}},
                 "method": [{"type": "action", "name": "write secret", "provider": {"type": "process", "path": "sh",
                             "arguments": ["-c", "printf '%%s' \\"$0\\" >> '%s'", "${token}"], "secrets": ["vault"]}}]}
                """.formatted(secret, out);
    }
}
