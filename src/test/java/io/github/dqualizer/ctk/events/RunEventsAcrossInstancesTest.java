package io.github.dqualizer.ctk.events;

import io.github.dqualizer.ctk.support.LocalClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.dqualizer.ctk.support.ServiceInstance;
import io.github.dqualizer.ctk.support.TestUsers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Two instances on one database: a run executed by the first, watched on the second (which executes nothing),
 * live from the database while it runs and from the journal once it ended — the same history either way.
 */
class RunEventsAcrossInstancesTest {

    private static final String DATABASE = "jdbc:h2:mem:ctk-events-two;MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
            + "CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1";

    @Test
    void eventsWhenRunExecutesOnAnotherInstanceThenStatusLiveAndActivitiesFromTheJournal() {
        try (ServiceInstance executing = ServiceInstance.onDatabase(DATABASE);
             ServiceInstance watching = ServiceInstance.onDatabaseWithoutWorkers(DATABASE)) {
            TestUsers.ensure(executing.bean(DataSource.class));
            String runId = (String) executing.submit(RunEventsStreamTest.paused()).get("run_id");
            List<Arrival> arrivals = new CopyOnWriteArrayList<>();

            List<ServerSentEvent<Map<String, Object>>> live = stream(watching, runId)
                    .doOnNext(event -> arrivals.add(new Arrival(event.event(), System.nanoTime())))
                    .collectList().block(Duration.ofSeconds(60));

            assertThat(RunEventsStreamTest.describe(live)).containsExactlyElementsOf(RunEventsStreamTest.PAUSED_RUN);
            assertThat(live).extracting(ServerSentEvent::id).containsExactly(RunEventsStreamTest.ids(live.size()));
            // run-started came from polling the database while the run still ran (its 2 s pause)
            assertThat(Duration.ofNanos(nanos(arrivals, "run-finished") - nanos(arrivals, "run-started")))
                    .isGreaterThan(Duration.ofMillis(1000));
            assertThat(live.get(live.size() - 1).data()).containsEntry("status_code", 200).containsEntry("run_id", runId);

            await().atMost(Duration.ofSeconds(10)).until(() -> "completed".equals(watching.run(runId).get("status")));
            List<ServerSentEvent<Map<String, Object>>> replayed = stream(watching, runId)
                    .collectList().block(Duration.ofSeconds(10));
            assertThat(RunEventsStreamTest.describe(replayed)).containsExactlyElementsOf(RunEventsStreamTest.PAUSED_RUN);
            assertThat(replayed.subList(0, replayed.size() - 1)).extracting(ServerSentEvent::data)
                    .isEqualTo(stream(executing, runId).collectList().block(Duration.ofSeconds(10))
                            .subList(0, replayed.size() - 1).stream().map(ServerSentEvent::data).toList());
        }
    }

    private static reactor.core.publisher.Flux<ServerSentEvent<Map<String, Object>>> stream(ServiceInstance instance, String runId) {
        int port = Integer.parseInt(instance.bean(Environment.class).getProperty("local.server.port"));
        WebTestClient client = LocalClient.on(port, Duration.ofSeconds(60));
        return TestUsers.authorized(client.get().uri("/experiments/" + runId + "/events").accept(MediaType.TEXT_EVENT_STREAM))
                .exchange()
                .expectStatus().isOk()
                .returnResult(RunEventsStreamTest.SSE).getResponseBody()
                .filter(event -> event.event() != null); // keep-alive comments
    }

    private static long nanos(List<Arrival> arrivals, String name) {
        return arrivals.stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow().nanos();
    }

    private record Arrival(String name, long nanos) {
    }
}
