package io.github.dqualizer.ctk.osprocess;

import oshi.SystemInfo;
import oshi.software.os.OSProcess;

/**
 * Whether a process still runs. {@link ProcessHandle#isAlive()} is also true for a zombie: a process that has
 * ended but whose parent has not reaped it yet (e.g. a killed child of a parent that never waits, or a killed
 * grandchild reparented to a PID 1 that never reaps, as in many containers). A zombie runs no code and holds no
 * resources but its table entry, so it does not count as running.
 */
public final class ProcessLiveness {

    private ProcessLiveness() {
    }

    /** Alive and not a zombie. */
    public static boolean running(ProcessHandle handle) {
        return handle.isAlive() && !zombie(handle.pid());
    }

    /** True when the process is a zombie (Linux: state {@code Z} or {@code X} in {@code /proc/<pid>/stat}; else OSHI). */
    public static boolean zombie(long pid) {
        if (ProcStat.AVAILABLE) {
            // gone or unreadable: not a zombie either, isAlive() says the rest
            return ProcStat.fieldsAfterName(pid).map(fields -> fields[0].equals("Z") || fields[0].equals("X")).orElse(false);
        }
        return OshiHolder.zombie(pid);
    }

    /** OSHI only where there is no /proc (macOS, Windows), created on first use. */
    private static final class OshiHolder {
        private static final oshi.software.os.OperatingSystem OS = new SystemInfo().getOperatingSystem();

        static boolean zombie(long pid) {
            try {
                OSProcess process = OS.getProcess((int) pid);
                return process != null && process.getState() == OSProcess.State.ZOMBIE;
            } catch (RuntimeException | LinkageError e) {
                return false;
            }
        }
    }
}
