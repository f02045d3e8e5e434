package io.github.dqualizer.ctk.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import io.github.dqualizer.ctk.support.LocalClient;

import io.github.dqualizer.ctk.jobs.store.ExperimentRunRepository;
import io.github.dqualizer.ctk.jobs.store.StoredRun;
import io.github.dqualizer.ctk.support.Experiments;
import io.github.dqualizer.ctk.support.TestUsers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

/** {@code GET /experiments/{id}/events} over real HTTP against the running application: order, replay, outcome, access. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:ctk-events;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
        "ctk.dashboard.enabled=false",
        "ctk.events.heartbeat=500ms",
        "ctk.secrets.key-file=target/test-secrets.key"})
class RunEventsStreamTest {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON_MAP = new ParameterizedTypeReference<>() {
    };
    static final ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>> SSE = new ParameterizedTypeReference<>() {
    };
    private static final String OPERATOR = "watchOperator";
    private static final String OPERATOR_PASSWORD = "watch-operator-secret";

    /** What every client of the paused experiment must see, in this order. */
    static final List<String> PAUSED_RUN = List.of(
            "run-queued", "run-started",
            "activity-started echo hypothesis-before", "activity-finished echo hypothesis-before succeeded",
            "hypothesis hypothesis-before true",
            "activity-started noop method", "activity-finished noop method succeeded",
            "activity-started echo hypothesis-after", "activity-finished echo hypothesis-after succeeded",
            "hypothesis hypothesis-after true",
            "activity-started undo rollback", "activity-finished undo rollback succeeded",
            "run-finished completed", "outcome 200");

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;
    @Autowired
    ExperimentRunRepository runs;
    @Autowired
    JournalEvents journalEvents;

    WebTestClient client;

    @BeforeEach
    void setUp() {
        TestUsers.ensure(dataSource);
        TestUsers.putOperator(dataSource, OPERATOR, OPERATOR_PASSWORD);
        client = LocalClient.on(port, Duration.ofSeconds(60));
    }

    @Test
    void eventsWhenConnectedEarlyThenLiveEventsInOrderEndingWithOutcome() {
        String runId = submit(paused());
        List<Arrival> arrivals = new CopyOnWriteArrayList<>();

        List<ServerSentEvent<Map<String, Object>>> all = raw(runId, TestUsers.DEMO_USER, TestUsers.DEMO_PASSWORD)
                .doOnNext(event -> arrivals.add(new Arrival(String.valueOf(event.event()), System.nanoTime())))
                .collectList().block(Duration.ofSeconds(60));
        List<ServerSentEvent<Map<String, Object>>> events = all.stream().filter(event -> event.event() != null).toList();
        // the 2 s pause is bridged by keep-alive comments (every 500 ms here), which carry nothing else
        assertThat(all).filteredOn(event -> event.event() == null).isNotEmpty()
                .allSatisfy(comment -> assertThat(comment.comment()).isEqualTo("keep-alive"))
                .allSatisfy(comment -> assertThat(comment.data()).isNull());

        assertThat(describe(events)).containsExactlyElementsOf(PAUSED_RUN);
        assertThat(events).extracting(ServerSentEvent::id)
                .containsExactly(ids(events.size()));
        // live, not buffered until the end: the 2 s pause after the method lies between these arrivals
        long hypothesisBefore = arrivals.stream().filter(a -> a.name().equals("hypothesis")).findFirst().orElseThrow().nanos();
        long finished = arrivals.stream().filter(a -> a.name().equals("run-finished")).findFirst().orElseThrow().nanos();
        assertThat(Duration.ofNanos(finished - hypothesisBefore)).isGreaterThan(Duration.ofMillis(1500));
        Map<String, Object> outcome = events.get(events.size() - 1).data();
        assertThat(outcome).containsEntry("status_code", 200).containsEntry("run_id", runId)
                .containsEntry("journal_status", "completed").containsEntry("deviated", false)
                .containsEntry("status", "Experiment was executed and terminated with status: completed.");
        Map<String, Object> finishedActivity = events.get(3).data();
        assertThat(finishedActivity).containsOnlyKeys("name", "type", "phase", "status", "duration")
                .containsEntry("type", "probe");
        assertThat((Double) finishedActivity.get("duration")).isGreaterThanOrEqualTo(0.0);
    }

    @Test
    void eventsWhenConnectedMidRunThenHistoryIsReplayedFirst() {
        String runId = submit(paused());
        await().atMost(Duration.ofSeconds(20)).until(() -> "running".equals(run(runId).get("status")));
        await().atMost(Duration.ofSeconds(20)).until(() -> runs.findById(runId).orElseThrow().startedAt() != null
                && timelineNames(runId).contains("activity-finished noop method succeeded"));
        assertThat(run(runId)).containsEntry("status", "running");

        List<ServerSentEvent<Map<String, Object>>> events = stream(runId, TestUsers.DEMO_USER, TestUsers.DEMO_PASSWORD)
                .collectList().block(Duration.ofSeconds(60));

        assertThat(describe(events)).containsExactlyElementsOf(PAUSED_RUN);
        assertThat(events).extracting(ServerSentEvent::id).containsExactly(ids(events.size()));
    }

    @Test
    void eventsWhenRunEndedThenFullHistoryOutcomeAndCompletion() {
        String runId = submit(paused());
        await().atMost(Duration.ofSeconds(30)).until(() -> "completed".equals(run(runId).get("status")));

        List<ServerSentEvent<Map<String, Object>>> events = stream(runId, TestUsers.DEMO_USER, TestUsers.DEMO_PASSWORD)
                .collectList().block(Duration.ofSeconds(10));

        assertThat(describe(events)).containsExactlyElementsOf(PAUSED_RUN);
    }

    @Test
    void journalReplayWhenNotWatchedHereThenSameHistoryAsLive() {
        String runId = submit(paused());
        List<ServerSentEvent<Map<String, Object>>> live = stream(runId, TestUsers.DEMO_USER, TestUsers.DEMO_PASSWORD)
                .collectList().block(Duration.ofSeconds(60));

        List<RunEvent> replayed = journalEvents.of(StoredRun.of(runs.findById(runId).orElseThrow()));

        List<Object> liveEvents = new ArrayList<>();
        live.stream().filter(e -> !"outcome".equals(e.event())).forEach(e -> liveEvents.add(List.of(e.event(), e.data())));
        List<Object> journalEventList = new ArrayList<>();
        replayed.forEach(e -> journalEventList.add(List.of(e.name(), normalized(e.data()))));
        assertThat(journalEventList).isEqualTo(liveEvents);
        assertThat(replayed).extracting(RunEvent::id).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L);
    }

    @Test
    void eventsWhenAnotherUsersRunThen404EnvelopeAndOperatorMayWatch() {
        String runId = submit(Experiments.trivial());

        client.get().uri("/experiments/" + runId + "/events").accept(MediaType.TEXT_EVENT_STREAM)
                .header("dbUsername", TestUsers.DB_USER).header("dbPassword", TestUsers.DB_PASSWORD)
                .header("username", TestUsers.OTHER_USER).header("password", TestUsers.OTHER_PASSWORD)
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectBody(JSON_MAP).value(body -> assertThat(body).containsEntry("status_code", 404)
                        .containsEntry("status", "Not found."));
        client.get().uri("/experiments/" + runId + "/events").accept(MediaType.TEXT_EVENT_STREAM)
                .header("dbUsername", TestUsers.DB_USER).header("dbPassword", TestUsers.DB_PASSWORD)
                .header("username", TestUsers.DEMO_USER).header("password", "wrong")
                .exchange()
                .expectStatus().isUnauthorized();

        List<ServerSentEvent<Map<String, Object>>> events = stream(runId, OPERATOR, OPERATOR_PASSWORD)
                .collectList().block(Duration.ofSeconds(30));
        assertThat(describe(events)).startsWith("run-queued").endsWith("run-finished completed", "outcome 200");
    }

    @Test
    void eventsWhenExperimentUsesSecretThenNoSecretAndNoOutputInStream() {
        String secret = "s3cr3t-" + System.nanoTime();
        String runId = submit(Experiments.withSecret(secret));

        String body = client.get().uri("/experiments/" + runId + "/events").accept(MediaType.TEXT_EVENT_STREAM)
                .header("dbUsername", TestUsers.DB_USER).header("dbPassword", TestUsers.DB_PASSWORD)
                .header("username", TestUsers.DEMO_USER).header("password", TestUsers.DEMO_PASSWORD)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_EVENT_STREAM)
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(body).contains("event:activity-finished", "event:outcome", "echo secret")
                .doesNotContain(secret).doesNotContain("stdout").doesNotContain("arguments");
    }

    @Test
    void eventsWhenRunCancelledThenInterruptedActivityRollbackAndOutcome() throws Exception {
        String runId = submit("""
                {"title": "cancelled", "description": "a long action with a rollback",
                 "method": [{"type": "action", "name": "long", "provider": {"type": "process", "path": "sleep", "arguments": "20"}}],
                 "rollbacks": [{"type": "action", "name": "undo", "provider": {"type": "process", "path": "true"}}]}
                """);
        var stream = stream(runId, TestUsers.DEMO_USER, TestUsers.DEMO_PASSWORD).collectList().toFuture();
        await().atMost(Duration.ofSeconds(20)).until(() -> timelineNames(runId).contains("activity-started long method"));

        TestUsers.authorized(client.post().uri("/experiments/" + runId + "/cancel")).exchange().expectStatus().isAccepted();

        List<ServerSentEvent<Map<String, Object>>> events = stream.get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(describe(events)).containsExactly("run-queued", "run-started",
                "activity-started long method", "activity-finished long method error",
                "activity-started undo rollback", "activity-finished undo rollback succeeded",
                "run-finished interrupted", "outcome 500");
        assertThat(events.get(events.size() - 1).data()).containsEntry("journal_status", "interrupted");
    }

    /** An experiment with a steady state, one action followed by a 2 s pause, and a rollback. */
    static String paused() {
        return """
                {"title": "paused", "description": "room to connect mid-run",
                 "steady-state-hypothesis": {"title": "echo works",
                   "probes": [{"type": "probe", "name": "echo", "tolerance": 0,
                               "provider": {"type": "process", "path": "echo", "arguments": "hello"}}]},
                 "method": [{"type": "action", "name": "noop", "pauses": {"after": 2},
                             "provider": {"type": "process", "path": "true"}}],
                 "rollbacks": [{"type": "action", "name": "undo", "provider": {"type": "process", "path": "true"}}]}
                """;
    }

    @Autowired
    RunTimelines timelines;

    private List<String> timelineNames(String runId) {
        return timelines.find(runId).map(t -> describeEvents(t.events().take(Duration.ofMillis(200)).collectList()
                .block(Duration.ofSeconds(5)))).orElse(List.of());
    }

    private static List<String> describeEvents(List<RunEvent> events) {
        return events.stream().map(e -> ServerSentEvent.<Map<String, Object>>builder().event(e.name()).data(e.data()).build())
                .map(RunEventsStreamTest::describe).toList();
    }

    /** The events, without the keep-alive comments. */
    private Flux<ServerSentEvent<Map<String, Object>>> stream(String runId, String user, String password) {
        return raw(runId, user, password).filter(event -> event.event() != null);
    }

    private Flux<ServerSentEvent<Map<String, Object>>> raw(String runId, String user, String password) {
        return client.get().uri("/experiments/" + runId + "/events").accept(MediaType.TEXT_EVENT_STREAM)
                .header("dbUsername", TestUsers.DB_USER).header("dbPassword", TestUsers.DB_PASSWORD)
                .header("username", user).header("password", password)
                .exchange()
                .expectStatus().isOk()
                .returnResult(SSE).getResponseBody();
    }

    private String submit(String experiment) {
        Map<String, Object> body = TestUsers.authorized(client.post().uri("/execute_experiment")
                        .contentType(MediaType.APPLICATION_JSON))
                .bodyValue(experiment).exchange()
                .expectStatus().isAccepted()
                .expectBody(JSON_MAP).returnResult().getResponseBody();
        return (String) body.get("run_id");
    }

    private Map<String, Object> run(String runId) {
        return TestUsers.authorized(client.get().uri("/experiments/" + runId)).exchange()
                .expectBody(JSON_MAP).returnResult().getResponseBody();
    }

    static List<String> describe(List<ServerSentEvent<Map<String, Object>>> events) {
        return events.stream().map(RunEventsStreamTest::describe).toList();
    }

    /** "name [activity] [phase] [status]" — the parts a watcher relies on. */
    private static String describe(ServerSentEvent<Map<String, Object>> event) {
        Map<String, Object> data = event.data();
        return switch (event.event()) {
            case "activity-started" -> event.event() + " " + data.get("name") + " " + data.get("phase");
            case "activity-finished" -> event.event() + " " + data.get("name") + " " + data.get("phase") + " " + data.get("status");
            case "hypothesis" -> event.event() + " " + data.get("phase") + " " + data.get("steady_state_met");
            case "run-finished" -> event.event() + " " + data.get("status");
            case "outcome" -> event.event() + " " + data.get("status_code");
            default -> event.event();
        };
    }

    static String[] ids(int count) {
        String[] ids = new String[count];
        for (int i = 0; i < count; i++) {
            ids[i] = Integer.toString(i + 1);
        }
        return ids;
    }

    /** What the data look like after a JSON round trip (numbers as the client reads them). */
    private static Map<String, Object> normalized(Map<String, Object> data) {
        return new tools.jackson.databind.json.JsonMapper().readValue(
                new tools.jackson.databind.json.JsonMapper().writeValueAsString(data), Map.class);
    }

    private record Arrival(String name, long nanos) {
    }
}
