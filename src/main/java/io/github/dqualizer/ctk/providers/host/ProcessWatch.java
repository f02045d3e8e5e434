package io.github.dqualizer.ctk.providers.host;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * An incremental process scan for polling loops. Every poll enumerates the PIDs but describes
 * (reads command and arguments of) only the processes that are new, those first seen during the
 * last {@link #RECHECK_NEW} (a new child runs a fork helper for a moment before it execs the real
 * program), and a rotating {@code 1/}{@link #SLICES} of the others (a long-running process may
 * exec another program).
 *
 * <p>So a poll costs one PID enumeration (about 10 µs per process on Linux) plus a few
 * descriptions, instead of describing every process (about 40 µs each).
 */
public final class ProcessWatch {

    static final long RECHECK_NEW = TimeUnit.MILLISECONDS.toNanos(500);
    static final int SLICES = 16;

    private final ProcessTable table;
    private final String processName;
    private final Set<ProcessHandle> ignored;
    private final Map<ProcessHandle, Long> notMatchingSince = new HashMap<>();
    private long polls;

    ProcessWatch(ProcessTable table, String processName, Set<ProcessHandle> ignored) {
        this.table = table;
        this.processName = processName;
        this.ignored = ignored;
    }

    /** One poll: a live match that is not ignored, if there is one now. */
    public Optional<RunningProcess> poll() {
        long now = System.nanoTime();
        long slice = polls++ % SLICES;
        if (slice == 0 && polls > 1) {
            notMatchingSince.keySet().removeIf(handle -> !handle.isAlive());
        }
        return ProcessHandle.allProcesses()
                .filter(handle -> !ignored.contains(handle))
                .filter(handle -> isDue(handle, now, slice))
                .map(handle -> table.describe(handle).filter(process -> remember(process, handle, now)))
                .flatMap(Optional::stream)
                .findFirst();
    }

    private boolean isDue(ProcessHandle handle, long now, long slice) {
        Long since = notMatchingSince.get(handle);
        return since == null || now - since < RECHECK_NEW || Math.floorMod(handle.pid(), SLICES) == slice;
    }

    private boolean remember(RunningProcess process, ProcessHandle handle, long now) {
        if (ProcessTable.runningMatch(process, processName)) {
            return true;
        }
        notMatchingSince.putIfAbsent(handle, now);
        return false;
    }
}
