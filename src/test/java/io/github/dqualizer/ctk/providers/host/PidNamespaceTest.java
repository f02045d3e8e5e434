package io.github.dqualizer.ctk.providers.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The private-PID-namespace check on real {@code /proc} data: this JVM's and that of a process in a new namespace. */
@EnabledOnOs(OS.LINUX)
class PidNamespaceTest {

    @Test
    void currentWhenTestJvmRunsInTheHostsPidNamespaceThenNotPrivate() throws Exception {
        // the truth from other data: PID 1 as /proc shows it is the host's init (one NSpid level), and /proc shows
        // this JVM under the pid it knows itself by, so the JVM lives in that same (host) namespace
        assumeTrue(nsPidLevels(Path.of("/proc/1/status")) == 1
                        && Files.exists(Path.of("/proc/" + ProcessHandle.current().pid() + "/status")),
                "this test machine must run the JVM in the host's PID namespace");

        PidNamespace current = PidNamespace.current();

        assertThat(current.known()).isTrue();
        assertThat(current.isPrivate()).isFalse();
        assertThat(new HostProcessVisibility(current).health().getDetails())
                .containsEntry("pid_namespace", "host").doesNotContainKey("warning");
    }

    @Test
    void fromStatusWhenProcessRunsInNewPidNamespaceThenPrivateAndHealthWarns() throws Exception {
        // a real process in a PID namespace of its own (unshare needs CAP_SYS_ADMIN, or user namespaces)
        Process process = new ProcessBuilder("unshare", "--pid", "--fork", "--map-root-user", "cat", "/proc/self/status")
                .redirectErrorStream(true).start();
        String status = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assumeTrue(process.waitFor() == 0 && status.contains("NSpid:"), "unshare not permitted here: " + status);

        PidNamespace nested = PidNamespace.fromStatus(status);

        assertThat(nested.isPrivate()).isTrue();
        assertThat(new HostProcessVisibility(nested).health().getDetails())
                .containsEntry("pid_namespace", "private")
                .containsEntry("warning", HostProcessVisibility.WARNING);
    }

    @Test
    void fromStatusWhenNoNsPidLineThenUnknownAndNotPrivate() {
        PidNamespace unknown = PidNamespace.fromStatus("Name:\tjava\nPid:\t42\n");

        assertThat(unknown.known()).isFalse();
        assertThat(unknown.isPrivate()).isFalse();
    }

    private static long nsPidLevels(Path status) throws Exception {
        return Files.readAllLines(status).stream().filter(line -> line.startsWith("NSpid:")).findFirst()
                .map(line -> line.trim().split("\\s+").length - 1L).orElse(0L);
    }
}
