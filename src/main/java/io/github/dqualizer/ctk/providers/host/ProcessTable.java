package io.github.dqualizer.ctk.providers.host;

import io.github.dqualizer.ctk.osprocess.ProcessLiveness;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import oshi.SystemInfo;
import oshi.software.os.OSProcess;
import oshi.software.os.OperatingSystem;
import org.springframework.stereotype.Component;

/**
 * Lists the host's processes through {@link ProcessHandle}, asking OSHI only for what the JDK
 * cannot read: a JVM's arguments (Windows, other users' processes on macOS) and the name of a
 * process whose executable is unreadable (e.g. PID 1 in a container).
 *
 * <p>One scan costs about 10-20 µs per process on Linux (see {@code docs/host-processes.md}).
 */
@Component
class ProcessTable {

    private static final boolean PROC_COMM = Files.isReadable(Path.of("/proc/self/comm"));

    private volatile OperatingSystem oshi;

    /** Every live process whose executable is known (zombies included, see {@link #matching}). */
    public List<RunningProcess> all() {
        return ProcessHandle.allProcesses()
                .map(this::describe)
                .flatMap(Optional::stream)
                .toList();
    }

    /**
     * The running processes that {@link RunningProcess#matches(String) match} {@code processName}; a zombie
     * (ended, not yet reaped by its parent) is not running.
     */
    public List<RunningProcess> matching(String processName) {
        return all().stream().filter(process -> runningMatch(process, processName)).toList();
    }

    /** The first live match that is not one of the {@code ignored} processes. */
    public Optional<RunningProcess> firstMatching(String processName, Set<ProcessHandle> ignored) {
        return ProcessHandle.allProcesses()
                .filter(handle -> !ignored.contains(handle))
                .map(this::describe)
                .flatMap(Optional::stream)
                .filter(process -> runningMatch(process, processName))
                .findFirst();
    }

    /** A match that is not a zombie; the zombie check reads /proc, so it is made for matches only. */
    static boolean runningMatch(RunningProcess process, String processName) {
        return process.matches(processName) && !ProcessLiveness.zombie(process.pid());
    }

    /** An incremental scan for a polling loop, see {@link ProcessWatch}. */
    public ProcessWatch watch(String processName, Set<ProcessHandle> ignored) {
        return new ProcessWatch(this, processName, ignored);
    }

    /** The process behind {@code handle}, unless it is gone or its executable is unknown. */
    Optional<RunningProcess> describe(ProcessHandle handle) {
        if (PROC_COMM) {
            return describeFromProc(handle);
        }
        ProcessHandle.Info info = handle.info();
        return info.command().or(() -> shortName(handle.pid())).map(command -> {
            List<String> arguments = info.arguments().map(Arrays::asList).orElse(List.of());
            if (arguments.isEmpty() && RunningProcess.isJavaLauncher(RunningProcess.fileName(command))) {
                arguments = argumentsFromOshi(handle.pid());
            }
            return RunningProcess.of(handle, command, arguments);
        });
    }

    /**
     * Linux: the executable from one readlink of {@code /proc/<pid>/exe} (what {@link ProcessHandle.Info#command()}
     * reads too), and the arguments only for a JVM, whose main class they name. {@code handle.info()} would also read
     * the process's stat and command line and look its user up in the password database for every process: three
     * times the cost of a scan (docs/benchmarks.md, recovery measurement).
     */
    private Optional<RunningProcess> describeFromProc(ProcessHandle handle) {
        long pid = handle.pid();
        Optional<String> command = executable(pid).or(() -> shortName(pid));
        if (command.isEmpty() || !handle.isAlive()) {
            return Optional.empty(); // gone, or its PID already reused by another process
        }
        List<String> arguments = List.of();
        if (RunningProcess.isJavaLauncher(RunningProcess.fileName(command.get()))) {
            arguments = handle.info().arguments().map(Arrays::asList).orElse(List.of());
            if (arguments.isEmpty()) {
                arguments = argumentsFromOshi(pid);
            }
        }
        return Optional.of(RunningProcess.of(handle, command.get(), arguments));
    }

    private static Optional<String> executable(long pid) {
        try {
            return Optional.of(Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "exe")).toString());
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return Optional.empty(); // gone, a kernel thread, or another user's process
        }
    }

    /**
     * The OS's short name of a process whose executable the JDK may not read (e.g. PID 1 in a container, kernel
     * threads). On Linux that is {@code /proc/<pid>/comm}, one small read; OSHI would read half a dozen files of the
     * process for it (about a hundred kernel threads on a typical host made that most of a watch's full scan).
     */
    private Optional<String> shortName(long pid) {
        if (PROC_COMM) {
            try {
                String comm = Files.readString(Path.of("/proc", Long.toString(pid), "comm"), StandardCharsets.ISO_8859_1);
                String name = comm.endsWith("\n") ? comm.substring(0, comm.length() - 1) : comm;
                return Optional.of(name).filter(n -> !n.isEmpty());
            } catch (IOException | UncheckedIOException e) {
                return Optional.empty(); // gone
            }
        }
        return nameFromOshi(pid);
    }

    private Optional<String> nameFromOshi(long pid) {
        try {
            OSProcess process = oshi().getProcess((int) pid);
            return Optional.ofNullable(process).map(OSProcess::getName).filter(name -> !name.isBlank());
        } catch (RuntimeException | LinkageError e) {
            return Optional.empty();
        }
    }

    private OperatingSystem oshi() {
        if (oshi == null) {
            oshi = new SystemInfo().getOperatingSystem();
        }
        return oshi;
    }

    private List<String> argumentsFromOshi(long pid) {
        try {
            OSProcess process = oshi().getProcess((int) pid);
            if (process == null || process.getArguments().isEmpty()) {
                return List.of();
            }
            List<String> arguments = process.getArguments();
            // OSHI lists argv[0] (the launcher) first; the JDK does not
            return arguments.subList(1, arguments.size());
        } catch (RuntimeException | LinkageError e) {
            return List.of();
        }
    }
}
