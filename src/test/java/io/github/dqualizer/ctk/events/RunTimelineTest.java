package io.github.dqualizer.ctk.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The bounds of one run's in-memory history and of the set of histories. */
class RunTimelineTest {

    @Test
    void timelineWhenOverItsLimitThenReplaysTheNewestAndIsNotComplete() {
        RunTimeline timeline = new RunTimeline("r1", 3);
        timeline.emit(RunEvent.RUN_STARTED, Map.of());
        timeline.emit(RunEvent.ACTIVITY_STARTED, Map.of("name", "a"));
        timeline.emit(RunEvent.ACTIVITY_FINISHED, Map.of("name", "a"));
        timeline.end(Map.of("status", "completed"));

        List<RunEvent> replay = timeline.events().collectList().block(Duration.ofSeconds(5));

        assertThat(replay).extracting(RunEvent::id).containsExactly(3L, 4L, 5L);
        assertThat(timeline.complete()).isFalse(); // so an ended run is replayed from its journal instead
    }

    @Test
    void timelineWhenEndedThenLateSubscriberGetsEverythingAndCompletion() {
        RunTimeline timeline = new RunTimeline("r2", 10);
        timeline.emit(RunEvent.RUN_STARTED, Map.of());
        timeline.end(Map.of("status", "failed"));
        timeline.emit(RunEvent.ACTIVITY_STARTED, Map.of()); // after the end: ignored
        assertThat(timeline.end(Map.of("status", "completed"))).isFalse();

        assertThat(timeline.events().map(RunEvent::name).collectList().block(Duration.ofSeconds(5)))
                .containsExactly(RunEvent.RUN_QUEUED, RunEvent.RUN_STARTED, RunEvent.RUN_FINISHED);
        assertThat(timeline.complete()).isTrue();
    }

    @Test
    void timelinesWhenRunEndedThenHistoryExpiresAfterRetention() {
        RunTimelines timelines = new RunTimelines(new EventsProperties(10, 10, Duration.ofMillis(200), null, null));
        timelines.open("r3");
        timelines.open("r4");

        timelines.end("r3", Map.of("status", "completed"));

        await().atMost(Duration.ofSeconds(5)).until(() -> timelines.find("r3").isEmpty());
        assertThat(timelines.find("r4")).isPresent(); // still running: kept for up to a day
    }

    @Test
    void timelinesWhenMoreRunsThanTheBoundThenOldestAreDropped() {
        RunTimelines timelines = new RunTimelines(new EventsProperties(10, 2, null, null, null));
        for (int i = 0; i < 50; i++) {
            timelines.open("run-" + i);
        }
        // Caffeine evicts in its maintenance cycle, shortly after the writes
        await().atMost(Duration.ofSeconds(5)).until(() -> IntStream.range(0, 50)
                .filter(i -> timelines.find("run-" + i).isPresent()).count() <= 2);
    }
}
