package io.github.dqualizer.ctk.providers.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * How deep this process's PID namespace is nested, from the {@code NSpid} line of {@code /proc/self/status}
 * (one id per namespace level, outermost first; Linux ≥ 4.1). Readable without privileges, unlike
 * {@code /proc/1/ns/pid} of another user: one level means the host's namespace (on the host, or a container with
 * {@code pid: host}); more mean a private one in which host faults see only the container's processes.
 *
 * @param levels namespace levels; 0 when unknown (not Linux, or no {@code NSpid} line)
 */
record PidNamespace(int levels) {

    static final Path SELF_STATUS = Path.of("/proc/self/status");

    public static PidNamespace current() {
        try {
            return fromStatus(Files.readString(SELF_STATUS));
        } catch (IOException | SecurityException e) {
            return new PidNamespace(0);
        }
    }

    static PidNamespace fromStatus(String status) {
        return status.lines()
                .filter(line -> line.startsWith("NSpid:"))
                .findFirst()
                .map(line -> new PidNamespace((int) Arrays.stream(line.substring("NSpid:".length()).trim().split("\\s+"))
                        .filter(id -> !id.isEmpty()).count()))
                .orElse(new PidNamespace(0));
    }

    public boolean known() {
        return levels > 0;
    }

    /** True when the process runs in a nested PID namespace and so cannot see the host's processes. */
    public boolean isPrivate() {
        return levels > 1;
    }
}
