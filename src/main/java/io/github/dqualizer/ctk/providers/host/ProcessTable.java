package io.github.dqualizer.ctk.providers.host;

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
public class ProcessTable {

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
        ProcessHandle.Info info = handle.info();
        return info.command().or(() -> nameFromOshi(handle.pid())).map(command -> {
            List<String> arguments = info.arguments().map(Arrays::asList).orElse(List.of());
            if (arguments.isEmpty() && RunningProcess.isJavaLauncher(RunningProcess.fileName(command))) {
                arguments = argumentsFromOshi(handle.pid());
            }
            return RunningProcess.of(handle, command, arguments);
        });
    }

    /** The OS's short name of a process whose executable the JDK may not read (e.g. PID 1 in a container). */
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
