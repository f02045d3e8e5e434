package io.github.dqualizer.ctk.events;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The bounded set of run histories on this instance: a running run's history stays (up to a day), a finished
 * one for {@link EventsProperties#retention()}, and at most {@link EventsProperties#maxRuns()} histories at all.
 */
@Component
class RunTimelines {

    private static final Duration RUNNING_LIMIT = Duration.ofDays(1);

    private final EventsProperties properties;
    private final Cache<String, RunTimeline> cache;

    RunTimelines(EventsProperties properties) {
        this.properties = properties;
        this.cache = Caffeine.newBuilder()
                .maximumSize(properties.maxRuns())
                .expireAfter(Expiry.<String, RunTimeline>creating((id, timeline) -> lifetime(timeline)))
                .build();
    }

    /** The run's history, created (starting with {@code run-queued}) when this instance has none yet. */
    RunTimeline open(String runId) {
        return cache.get(runId, id -> new RunTimeline(id, properties.maxEventsPerRun()));
    }

    Optional<RunTimeline> find(String runId) {
        return Optional.ofNullable(cache.getIfPresent(runId));
    }

    /** Ends the run's history if this instance has one; from then on it expires after the retention. */
    void end(String runId, Map<String, Object> runFinished) {
        RunTimeline timeline = cache.getIfPresent(runId);
        if (timeline != null && timeline.end(runFinished)) {
            cache.policy().expireVariably().ifPresent(expiry -> expiry.setExpiresAfter(runId, properties.retention()));
        }
    }

    private Duration lifetime(RunTimeline timeline) {
        return timeline.ended() ? properties.retention() : RUNNING_LIMIT;
    }
}
