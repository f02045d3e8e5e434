package io.github.dqualizer.ctk.providers.host;

import io.github.dqualizer.ctk.providers.RunContext;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * When a run killed the processes of a name, kept in {@link RunContext#attributes()} so that the
 * recovery measurement of the same run counts the downtime from the kill.
 *
 * @param processName  the name the experiment killed
 * @param at           wall-clock instant of the first signal
 * @param nanoTime     {@link System#nanoTime()} of the first signal (for precise differences)
 * @param processes    the killed processes (a handle equals another only with the same PID and start time)
 */
record ProcessKill(String processName, Instant at, long nanoTime, Set<ProcessHandle> processes) {

    private static final String KEY_PREFIX = "host.process-kill:";

    /** A kill starting now. */
    public static ProcessKill now(String processName, Set<ProcessHandle> processes) {
        return new ProcessKill(processName, Instant.now(), System.nanoTime(), Set.copyOf(processes));
    }

    /** The killed PIDs. */
    public Set<Long> pids() {
        return processes.stream().map(ProcessHandle::pid).collect(Collectors.toUnmodifiableSet());
    }

    /** The last kill of {@code processName} in this run. */
    public static Optional<ProcessKill> lastIn(RunContext run, String processName) {
        return Optional.ofNullable(run.attributes().get(KEY_PREFIX + processName))
                .filter(ProcessKill.class::isInstance)
                .map(ProcessKill.class::cast);
    }

    /** Remembers this kill for the rest of the run. */
    public void recordIn(RunContext run) {
        run.attributes().put(KEY_PREFIX + processName, this);
    }
}
