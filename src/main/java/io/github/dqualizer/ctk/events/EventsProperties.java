package io.github.dqualizer.ctk.events;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Bounds of the in-memory run histories behind {@code GET /experiments/{id}/events}.
 *
 * @param maxEventsPerRun  events kept per run for replay; beyond it the oldest are dropped (a finished run is then
 *                         replayed from its journal instead)
 * @param maxRuns          runs whose history is kept at most (least recently used are dropped first)
 * @param retention        how long a finished run's history is kept; later subscribers get the journal replay
 * @param pollInterval     how often a stream of a run this instance does not execute looks at the database
 * @param heartbeat        how often an SSE comment keeps an idle stream open through proxies (long pauses)
 */
@ConfigurationProperties("ctk.events")
public record EventsProperties(Integer maxEventsPerRun, Integer maxRuns, Duration retention, Duration pollInterval,
                               Duration heartbeat) {

    public EventsProperties {
        maxEventsPerRun = maxEventsPerRun == null ? 1000 : maxEventsPerRun;
        maxRuns = maxRuns == null ? 200 : maxRuns;
        retention = retention == null ? Duration.ofMinutes(10) : retention;
        pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
        heartbeat = heartbeat == null ? Duration.ofSeconds(15) : heartbeat;
    }
}
