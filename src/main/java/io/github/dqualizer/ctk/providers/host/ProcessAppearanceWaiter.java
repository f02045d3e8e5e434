package io.github.dqualizer.ctk.providers.host;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import org.springframework.stereotype.Component;

/**
 * Polls the process table until a process of a name appears, and estimates when it appeared.
 *
 * <p>The process was absent when the previous poll started and present when this poll found it;
 * the estimate is the midpoint of that interval, so its error is at most half a poll period
 * (pause plus incremental scan, about a millisecond). Most polls cost one read of {@code /proc/loadavg}
 * (see {@link ProcessWatch}), so polling every millisecond stays cheap. When the interval is long (the
 * measuring thread was not scheduled, e.g. on a loaded host), its midpoint could be hundreds of
 * milliseconds off; the OS start time of the process (clock-tick resolution) inside the interval is the
 * better estimate then.
 */
@Component
class ProcessAppearanceWaiter {

    /** Longer than two clock ticks: beyond that, the OS start time is more precise than the midpoint. */
    private static final long SPARSE_POLL_NANOS = Duration.ofMillis(20).toNanos();

    private final ProcessTable table;

    public ProcessAppearanceWaiter(ProcessTable table) {
        this.table = table;
    }

    /** A process that was found, and when ({@link System#nanoTime()}) it is estimated to have appeared. */
    public record Appearance(RunningProcess process, long nanoTime, boolean presentAtFirstScan) {
    }

    /**
     * Waits until a process matching {@code processName} other than the {@code ignored} ones
     * exists (a killed one may linger as a zombie), or until {@code deadlineNanoTime}; honours interruption.
     */
    public Optional<Appearance> await(String processName, Set<ProcessHandle> ignored, long deadlineNanoTime, Duration pollInterval)
            throws InterruptedException {
        try (ProcessWatch watch = table.watch(processName, ignored)) {
            return await(watch, processName, deadlineNanoTime, pollInterval);
        }
    }

    /** The midpoint of the interval, or the process's OS start time where the interval is longer than a clock tick. */
    static long estimate(RunningProcess process, long absentNanoTime, long seenNanoTime) {
        long midpoint = absentNanoTime + (seenNanoTime - absentNanoTime) / 2;
        if (seenNanoTime - absentNanoTime <= SPARSE_POLL_NANOS) {
            return midpoint;
        }
        return ProcessStartTime.nanoTime(process.handle())
                .map(started -> Math.max(absentNanoTime, Math.min(seenNanoTime, started)))
                .orElse(midpoint);
    }

    private static Optional<Appearance> await(ProcessWatch watch, String processName, long deadlineNanoTime, Duration pollInterval)
            throws InterruptedException {
        boolean first = true;
        long previousScan = System.nanoTime();
        while (true) {
            long scan = System.nanoTime();
            Optional<RunningProcess> found = watch.poll();
            if (found.isPresent()) {
                long seen = System.nanoTime();
                return Optional.of(new Appearance(found.get(), first ? scan : estimate(found.get(), previousScan, seen), first));
            }
            if (scan - deadlineNanoTime >= 0) {
                return Optional.empty();
            }
            LockSupport.parkNanos(Math.min(pollInterval.toNanos(), deadlineNanoTime - scan));
            if (Thread.interrupted()) {
                throw new InterruptedException("stopped waiting for process '" + processName + "'");
            }
            previousScan = scan;
            first = false;
        }
    }
}
