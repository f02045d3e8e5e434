package io.github.dqualizer.ctk.schedules;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** A schedule as {@code GET /schedules/{id}} shows it (never its experiment or secrets). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScheduleView(
        @JsonProperty("schedule_id") String scheduleId,
        String name,
        String owner,
        String cron,
        String interval,
        String callback,
        boolean paused,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("last_run_id") String lastRunId,
        @JsonProperty("last_fired_at") Instant lastFiredAt,
        long firings,
        @JsonProperty("skipped_firings") long skippedFirings,
        @JsonProperty("last_skipped_at") Instant lastSkippedAt,
        String host) {
}
