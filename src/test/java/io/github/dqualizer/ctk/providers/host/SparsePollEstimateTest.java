package io.github.dqualizer.ctk.providers.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * When the measuring thread polls rarely (on a loaded host it may not be scheduled for hundreds of
 * milliseconds), the appearance estimate must still lie where the process really started, not at the
 * midpoint of the long gap. The gap is made long on purpose with a 3 s poll interval; the bounds come from
 * causality (the process started after we asked for it and before the start call returned), with one clock
 * tick of slack for the OS start time's resolution: no speed is asserted.
 */
class SparsePollEstimateTest {

    private static final long CLOCK_TICK_SLACK_NANOS = Duration.ofMillis(25).toNanos();

    @Test
    void longGapBetweenPollsThenEstimateIsTheProcessStartNotTheMidpoint() throws Exception {
        try (DummyProcesses dummies = new DummyProcesses()) {
            ProcessAppearanceWaiter waiter = new ProcessAppearanceWaiter(new ProcessTable());
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            CompletableFuture<Optional<ProcessAppearanceWaiter.Appearance>> appearance = CompletableFuture.supplyAsync(() -> {
                try {
                    return waiter.await(dummies.sleepName, Set.of(), deadline, Duration.ofSeconds(3));
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(500); // the first scan has run and found nothing; the next one is about 2.5 s away
            long asked = System.nanoTime();
            dummies.startSleep();
            long returned = System.nanoTime();

            ProcessAppearanceWaiter.Appearance found = appearance.get(30, TimeUnit.SECONDS).orElseThrow();

            assertThat(found.presentAtFirstScan()).isFalse();
            assertThat(found.nanoTime()).isBetween(asked - CLOCK_TICK_SLACK_NANOS, returned + CLOCK_TICK_SLACK_NANOS);
        }
    }
}
