package io.github.dqualizer.ctk.providers.host;

import static io.github.dqualizer.ctk.providers.host.FixedCredentialVerifier.validArguments;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.dqualizer.ctk.providers.RunContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * A killed process whose parent never reaps it stays in the process table as a zombie (state {@code Z}) until
 * its parent ends: it is no longer running, so killing it succeeds and the existence check does not count it.
 * The parent is a real {@code sleep} that the shell {@code exec}s into after starting the test's process in the
 * background: {@code sleep} never waits for children.
 */
@EnabledOnOs(OS.LINUX) // the test reads /proc to show that the killed process really is a zombie
class ZombieProcessTest {

    private final DummyProcesses dummies = new DummyProcesses();
    private final HostFunctions host = new HostFunctions(
            new HostProperties(null, null, dummies.directory.resolve("logs"), null, null, null, null));
    private final RunContext run = HostFunctions.newRun();

    @AfterEach
    void endDummies() {
        dummies.close(); // ending the parent lets init reap the zombie
    }

    private boolean exists(String processName) throws Exception {
        return (Boolean) host.check.invoke(validArguments("process_name", processName), run);
    }

    @Test
    void killWhenKilledProcessStaysZombieOfNonReapingParentThenSucceedsAndItNoLongerExists() throws Exception {
        dummies.start(List.of("/bin/sh", "-c", "'" + dummies.sleep + "' 300 & exec sleep 300"));
        await().until(() -> exists(dummies.sleepName));
        long pid = host.table.matching(dummies.sleepName).get(0).pid();

        assertThat(host.kill.invoke(validArguments("process_name", dummies.sleepName), run)).isEqualTo(true);

        assertThat(state(pid)).as("the killed process is a zombie, not reaped by its parent").isEqualTo('Z');
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).as("the JDK still sees it").contains(true);
        assertThat(exists(dummies.sleepName)).as("a zombie does not count as running").isFalse();
        assertThat(host.table.matching(dummies.sleepName)).isEmpty();
        assertThat(host.kill.invoke(validArguments("process_name", dummies.sleepName), run))
                .as("nothing left to kill").isEqualTo(false);
    }

    /** The state letter of {@code /proc/<pid>/stat}: the field after the command name in parentheses. */
    private static char state(long pid) throws Exception {
        String stat = new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "stat")), StandardCharsets.ISO_8859_1);
        return stat.charAt(stat.lastIndexOf(')') + 2);
    }
}
