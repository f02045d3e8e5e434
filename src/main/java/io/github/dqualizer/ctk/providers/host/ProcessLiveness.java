package io.github.dqualizer.ctk.providers.host;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import oshi.SystemInfo;
import oshi.software.os.OSProcess;

/**
 * Whether a process still runs. {@link ProcessHandle#isAlive()} is also true for a zombie: a process that has
 * ended but whose parent has not reaped it yet (e.g. a killed child of a parent that never waits). A zombie
 * runs no code and holds no resources but its table entry, so it does not count as running.
 */
final class ProcessLiveness {

    private static final Path PROC = Path.of("/proc");
    private static final boolean HAS_PROC = Files.isDirectory(PROC.resolve("self"));

    private ProcessLiveness() {
    }

    /** Alive and not a zombie. */
    static boolean running(ProcessHandle handle) {
        return handle.isAlive() && !zombie(handle.pid());
    }

    /** True when the process is a zombie (Linux: state {@code Z} or {@code X} in {@code /proc/<pid>/stat}; else OSHI). */
    static boolean zombie(long pid) {
        if (HAS_PROC) {
            try {
                String stat = new String(Files.readAllBytes(PROC.resolve(Long.toString(pid)).resolve("stat")),
                        StandardCharsets.ISO_8859_1);
                // "pid (comm) S ...": comm may hold spaces and parentheses, the state follows the last ')'
                int end = stat.lastIndexOf(')');
                char state = end >= 0 && end + 2 < stat.length() ? stat.charAt(end + 2) : '?';
                return state == 'Z' || state == 'X';
            } catch (NoSuchFileException e) {
                return false; // gone: not a zombie either, isAlive() says the rest
            } catch (IOException e) {
                return false;
            }
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
