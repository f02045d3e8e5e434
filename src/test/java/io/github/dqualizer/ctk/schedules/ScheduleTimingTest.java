package io.github.dqualizer.ctk.schedules;

import java.time.Duration;
import org.jobrunr.storage.InMemoryStorageProvider;
import org.jobrunr.storage.StorageProvider;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The smallest time between two firings is the job servers' poll interval: JobRunr plans firings one poll ahead and
 * enqueues them at its next poll, so closer firings would start in bunches. JobRunr's own check (a real in-memory
 * storage here, whose own minimum is 1 s) knows only its smallest poll.
 */
class ScheduleTimingTest {

    private static final Duration DEFAULT_POLL = Duration.ofSeconds(15);
    private final StorageProvider storage = new InMemoryStorageProvider();

    @Test
    void intervalWhenShorterThanThePollThenRefusedNamingThePollAndItsSetting() {
        assertThatThrownBy(() -> ScheduleTiming.of(null, "PT10S", storage, DEFAULT_POLL))
                .isInstanceOf(ScheduleException.class)
                .hasMessageContaining("interval fires too often")
                .hasMessageContaining("15 seconds")
                .hasMessageContaining("jobrunr.background-job-server.poll-interval-in-seconds");
    }

    @Test
    void cronWhenShorterThanThePollThenRefused() {
        assertThatThrownBy(() -> ScheduleTiming.of("*/10 * * * * *", null, storage, DEFAULT_POLL))
                .isInstanceOf(ScheduleException.class)
                .hasMessageContaining("cron fires too often")
                .hasMessageContaining("15 seconds");
    }

    @Test
    void timingWhenAtLeastOnePollApartThenAccepted() {
        assertThat(ScheduleTiming.of(null, "PT15S", storage, DEFAULT_POLL).interval()).isEqualTo("PT15S");
        assertThat(ScheduleTiming.of("*/15 * * * * *", null, storage, DEFAULT_POLL).cron()).isEqualTo("*/15 * * * * *");
        assertThat(ScheduleTiming.of(null, "PT5S", storage, Duration.ofSeconds(5)).interval()).isEqualTo("PT5S");
    }
}
