package io.github.dqualizer.ctk.providers.host;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * An incremental process scan for polling loops.
 *
 * <p>Where the platform tells the last allocated PID ({@link ProcessCreationDetector}, Linux), a poll first
 * asks whether a process was created since the previous poll; if not, it only re-describes the few processes
 * first seen during the last {@link #RECHECK_NEW} (a new child runs a fork helper or a shell for a moment
 * before it execs the real program). If PIDs were allocated, it looks at just those PIDs. A full scan runs
 * only when the PID range is too wide or wrapped, and every {@link #FULL_SCAN_EVERY} as a safety net for a
 * long-running process that execs another program without a new PID.
 *
 * <p>A full scan enumerates the PIDs but describes (reads command and arguments of) only the processes that
 * are new, recently new, and a rotating {@code 1/}{@link #SLICES} of the others. Without a detector (macOS,
 * Windows: OSHI and the JDK) every poll is a full scan.
 */
final class ProcessWatch implements AutoCloseable {

    static final long RECHECK_NEW = TimeUnit.MILLISECONDS.toNanos(500);
    /** Two clock ticks: the resolution of a process's start time in {@code /proc/<pid>/stat}. */
    private static final long START_TIME_SLACK = TimeUnit.MILLISECONDS.toNanos(20);
    /**
     * With the detector, new processes are found without it; the full scan only catches what the detector cannot see
     * (a long-running process that execs another program). Enumerating the table costs 1-6 ms (the JDK reads every
     * {@code /proc/<pid>/stat}), so once a second, and a quarter of the old processes described each time: such an
     * exec is seen within 4 s, as before with 1/16 every 250 ms (docs/benchmarks.md, recovery measurement).
     */
    static final long FULL_SCAN_EVERY = TimeUnit.SECONDS.toNanos(1);
    static final int SLICES = 4;
    /** Without a detector every poll is a full scan: 1/16 of the old processes described per poll, as before. */
    static final int SLICES_WITHOUT_DETECTOR = 16;
    /** Enough of {@code /proc/<pid>/status} for its Tgid line (the name before it is at most 64 bytes escaped). */
    private static final int STATUS_HEAD = 256;
    /** More new PIDs than this since the previous poll: enumerating the table is cheaper than probing each. */
    static final long MAX_PROBED_PIDS = 256;
    private static final boolean PROC_EXE = Files.isSymbolicLink(Path.of("/proc/self/exe"));

    /**
     * A process first seen recently, and the name it was described with; {@code null} for a JVM (its arguments name
     * it, and they can change with an exec of the same launcher) or a name not from its executable.
     */
    private record Recent(long firstSeen, String name) {
    }

    private final ProcessTable table;
    private final String processName;
    private final Set<ProcessHandle> ignored;
    private final ProcessCreationDetector detector;
    private final Map<ProcessHandle, Long> notMatchingSince = new HashMap<>();
    private final Map<ProcessHandle, Recent> recentlyNew = new HashMap<>();
    private final int slices;
    private long fullScans;
    private long lastFullScan;
    private long lastPid = -1;

    ProcessWatch(ProcessTable table, String processName, Set<ProcessHandle> ignored) {
        this(table, processName, ignored, ProcessCreationDetector.open());
    }

    ProcessWatch(ProcessTable table, String processName, Set<ProcessHandle> ignored, ProcessCreationDetector detector) {
        this.table = table;
        this.processName = processName;
        this.ignored = ignored;
        this.detector = detector;
        this.slices = detector.lastPid().isPresent() ? SLICES : SLICES_WITHOUT_DETECTOR;
    }

    /** One poll: a live match that is not ignored, if there is one now. */
    public Optional<RunningProcess> poll() {
        long now = System.nanoTime();
        OptionalLong pidNow = detector.lastPid();
        boolean firstPoll = lastPid < 0;
        long previousPid = lastPid;
        lastPid = pidNow.orElse(-1);
        if (pidNow.isEmpty() || firstPoll || now - lastFullScan >= FULL_SCAN_EVERY
                || pidNow.getAsLong() < previousPid || pidNow.getAsLong() - previousPid > MAX_PROBED_PIDS) {
            return fullScan(now);
        }
        Optional<RunningProcess> found = recheckRecentlyNew(now);
        for (long pid = previousPid + 1; found.isEmpty() && pid <= pidNow.getAsLong(); pid++) {
            found = ProcessHandle.of(pid)
                    .filter(handle -> !ignored.contains(handle) && threadGroupLeader(handle.pid()))
                    .flatMap(handle -> table.describe(handle).filter(process -> remember(process, handle, now, true)));
        }
        return found;
    }

    /**
     * Runs on every poll, so an unchanged process that is not a JVM costs one readlink: the liveness check (a read of
     * its {@code stat}) is made only when the executable cannot be read or has changed, or for a JVM, which is described
     * again each time (its arguments name it). Five system calls per recent process and poll
     * were most of the measuring thread's CPU (docs/benchmarks.md, recovery measurement).
     */
    private Optional<RunningProcess> recheckRecentlyNew(long now) {
        for (Iterator<Map.Entry<ProcessHandle, Recent>> it = recentlyNew.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<ProcessHandle, Recent> entry = it.next();
            Recent recent = entry.getValue();
            if (now - recent.firstSeen() >= RECHECK_NEW) {
                it.remove();
                continue;
            }
            if (recent.name() != null && recent.name().equals(executableName(entry.getKey().pid()))) {
                continue; // same executable name as when described, and not a JVM (whose arguments could differ)
            }
            if (!entry.getKey().isAlive()) {
                it.remove();
                continue;
            }
            Optional<RunningProcess> found = table.describe(entry.getKey()).filter(process -> runningMatch(process));
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /**
     * The file name of {@code /proc/<pid>/exe}, one readlink: it changes when the process execs another program.
     * {@code null} where it cannot be read (other platforms, another user's process): then the process is
     * described on each re-check.
     */
    private static String executableName(long pid) {
        if (!PROC_EXE) {
            return null;
        }
        try {
            return RunningProcess.fileName(Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "exe")).toString());
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return null;
        }
    }

    private Optional<RunningProcess> fullScan(long now) {
        lastFullScan = now;
        long slice = fullScans++ % slices;
        if (slice == 0 && fullScans > 1) {
            notMatchingSince.keySet().removeIf(handle -> !handle.isAlive());
        }
        boolean first = fullScans == 1;
        return ProcessHandle.allProcesses()
                .filter(handle -> !ignored.contains(handle))
                .filter(handle -> isDue(handle, now, slice))
                .map(handle -> table.describe(handle)
                        .filter(process -> remember(process, handle, now, !first || justStarted(handle, now))))
                .flatMap(Optional::stream)
                .findFirst();
    }

    private boolean isDue(ProcessHandle handle, long now, long slice) {
        Long since = notMatchingSince.get(handle);
        return since == null || now - since < RECHECK_NEW || Math.floorMod(handle.pid(), slices) == slice;
    }

    private boolean runningMatch(RunningProcess process) {
        return ProcessTable.runningMatch(process, processName);
    }

    /** Whether {@code process} matches; if not, it is remembered, and re-checked for a while if it is {@code new}. */
    private boolean remember(RunningProcess process, ProcessHandle handle, long now, boolean isNew) {
        if (runningMatch(process)) {
            return true;
        }
        if (notMatchingSince.putIfAbsent(handle, now) == null && isNew) {
            recentlyNew.put(handle, new Recent(now, RunningProcess.isJavaLauncher(process.name()) ? null : process.name()));
        }
        return false;
    }

    /**
     * At the first scan every process is first seen; only one that started within the re-check period may still be
     * about to exec the program, the others need no re-check each poll. The PID is asked first, since it costs nothing
     * (PIDs are allocated in ascending order): on a quiet host the last 256 PIDs still cover processes that started
     * long ago, and re-checking those on every poll was most of the measurement's CPU. The start time has clock-tick
     * resolution, hence the slack.
     */
    private boolean justStarted(ProcessHandle handle, long now) {
        long pid = handle.pid();
        if (lastPid >= 0 && (pid > lastPid || lastPid - pid >= MAX_PROBED_PIDS)) {
            return false;
        }
        return ProcessStartTime.nanoTime(handle).map(started -> now - started < RECHECK_NEW + START_TIME_SLACK).orElse(true);
    }

    /**
     * New PIDs include new threads' IDs, and the JDK gives a handle for a thread ID too (its {@code /proc}
     * entry exists, only hidden from listings); a thread is not a process.
     */
    static boolean threadGroupLeader(long pid) {
        // Tgid is the 4th line of status (after Name, Umask, State): the first bytes suffice, not the whole file
        try (InputStream in = Files.newInputStream(Path.of("/proc", Long.toString(pid), "status"))) {
            String head = new String(in.readNBytes(STATUS_HEAD), StandardCharsets.ISO_8859_1);
            int tgid = head.indexOf("\nTgid:");
            if (tgid < 0) {
                return true;
            }
            int end = head.indexOf('\n', tgid + 6);
            return end < 0 || Long.parseLong(head.substring(tgid + 6, end).trim()) == pid;
        } catch (IOException | NumberFormatException e) {
            return false; // gone
        }
    }

    /** The PIDs re-checked on every poll now (the recently new processes); for tests. */
    Set<Long> recheckedPids() {
        return recentlyNew.keySet().stream().map(ProcessHandle::pid).collect(Collectors.toCollection(TreeSet::new));
    }

    @Override
    public void close() {
        detector.close();
    }
}
