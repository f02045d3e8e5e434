package io.github.dqualizer.ctk.providers.host;

import static io.github.dqualizer.ctk.providers.host.FixedCredentialVerifier.credentialArguments;
import static io.github.dqualizer.ctk.providers.host.FixedCredentialVerifier.validArguments;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import io.github.dqualizer.ctk.auth.Credentials;
import io.github.dqualizer.ctk.providers.ActivityFailedException;
import io.github.dqualizer.ctk.providers.RunContext;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * What {@code kill_process_by_name} must refuse. Each test that names a process it did not start
 * first assumes that the name matches nothing but protected processes (this JVM, its ancestors,
 * PID 1): so even a broken guard could not hit anybody else's process.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class KillRefusalTest {

    private final DummyProcesses dummies = new DummyProcesses();
    private final RunContext run = HostFunctions.newRun();

    @AfterEach
    void endDummies() {
        dummies.close();
    }

    private static Set<Long> protectedPids() {
        Set<Long> pids = new HashSet<>(Set.of(1L, ProcessHandle.current().pid()));
        Optional<ProcessHandle> ancestor = ProcessHandle.current().parent();
        while (ancestor.isPresent() && pids.add(ancestor.get().pid())) {
            ancestor = ancestor.get().parent();
        }
        return pids;
    }

    private void assertRefusedAndNothingKilled(HostFunctions host, String processName, String reason) {
        List<RunningProcess> before = host.table.matching(processName);
        assumeThat(before).as("matches of '%s'", processName).isNotEmpty()
                .allSatisfy(process -> assertThat(protectedPids()).contains(process.pid()));

        assertThatThrownBy(() -> host.kill.invoke(validArguments("process_name", processName), run))
                .isInstanceOf(ActivityFailedException.class)
                .hasMessageContaining("Refused").hasMessageContaining(reason);

        assertThat(before).allSatisfy(process -> assertThat(process.handle().isAlive()).isTrue());
        assertThat(ProcessKill.lastIn(run, processName)).isEmpty();
    }

    @Test
    void killWhenNameMatchesThisServiceThenRefused() {
        HostFunctions host = new HostFunctions();
        // surefire runs this JVM as "java -jar .../surefirebooter-<unique>.jar": a name only this JVM has
        RunningProcess self = host.table.describe(ProcessHandle.current()).orElseThrow();
        assumeThat(self.jvmMain()).isPresent();

        assertRefusedAndNothingKilled(host, self.jvmMain().get(), "is this service");
    }

    @Test
    void killWhenNameMatchesAnAncestorThenRefused() {
        HostFunctions host = new HostFunctions();
        Optional<String> uniqueAncestorName = ProcessHandle.current().parent().stream()
                .flatMap(parent -> java.util.stream.Stream.iterate(parent, handle -> handle.parent().orElse(null)))
                .takeWhile(handle -> handle != null && handle.pid() != 1)
                .limit(2) // the build tool and its shell; further up may be machinery that is none of our business
                .map(host.table::describe).flatMap(Optional::stream)
                .flatMap(process -> java.util.stream.Stream.of(process.name(), process.jvmMain().orElse("")))
                .filter(name -> !name.isEmpty())
                .filter(name -> host.table.matching(name).stream().allMatch(match -> protectedPids().contains(match.pid())))
                .findFirst();
        assumeThat(uniqueAncestorName).as("an ancestor with a name no other process has").isPresent();

        assertRefusedAndNothingKilled(host, uniqueAncestorName.get(), "ancestor");
    }

    @Test
    void guardRefusesThisServiceItsParentAndPidOne() {
        HostFunctions host = new HostFunctions();
        ProcessHandle parent = ProcessHandle.current().parent().orElseThrow();
        RunningProcess self = new RunningProcess(ProcessHandle.current(), "java", Optional.empty());
        RunningProcess ancestor = new RunningProcess(parent, "java", Optional.empty());
        RunningProcess init = new RunningProcess(ProcessHandle.of(1).orElseThrow(), "init", Optional.empty());

        assertThat(host.guard.refusal(self)).get().asString().contains("is this service");
        assertThat(host.guard.refusal(ancestor)).get().asString().contains("ancestor");
        assertThat(host.guard.refusal(init)).get().asString().contains("PID 1");
    }

    @Test
    void killWhenNameIsThatOfPidOneThenRefused() {
        HostFunctions host = new HostFunctions();
        Optional<RunningProcess> init = ProcessHandle.of(1).flatMap(host.table::describe);
        assumeThat(init).as("PID 1 visible").isPresent();

        assertRefusedAndNothingKilled(host, init.get().name(), "PID 1");
    }

    @Test
    void killWhenNameIsDenyListedThenRefused() {
        HostFunctions host = new HostFunctions(new HostProperties(List.of(dummies.sleepName), null, null, null, null, null, null));
        Process sleep = dummies.startSleep();
        await().until(() -> !host.table.matching(dummies.sleepName).isEmpty());

        assertThatThrownBy(() -> host.kill.invoke(validArguments("process_name", dummies.sleepName), run))
                .isInstanceOf(ActivityFailedException.class).hasMessageContaining("deny-list");

        assertThat(sleep.isAlive()).isTrue();
    }

    @Test
    void databaseServersAreDenyListedByDefault() {
        // checked on the name alone, before any process is looked up: the MariaDB of this host stays untouched
        ProcessGuard guard = new ProcessGuard(HostProperties.defaults());
        for (String name : List.of("mysqld", "mariadbd", "mysqld_safe", "mariadbd-safe")) {
            assertThatThrownBy(() -> guard.checkName(name)).isInstanceOf(ActivityFailedException.class).hasMessageContaining("deny-list");
        }
    }

    @Test
    void killWhenNameNotOnAllowListThenRefused() {
        HostFunctions host = new HostFunctions(new HostProperties(null, List.of("something-else"), null, null, null, null, null));
        Process sleep = dummies.startSleep();
        await().until(() -> !host.table.matching(dummies.sleepName).isEmpty());

        assertThatThrownBy(() -> host.kill.invoke(validArguments("process_name", dummies.sleepName), run))
                .isInstanceOf(ActivityFailedException.class).hasMessageContaining("allow-list");
        assertThatThrownBy(() -> host.start.invoke(validArguments("path", dummies.sleep.toString()), run))
                .isInstanceOf(ActivityFailedException.class).hasMessageContaining("allow-list");

        assertThat(sleep.isAlive()).isTrue();
    }

    @Test
    void everyFunctionWhenCredentialsWrongThenAuthenticationFailedAndNothingTouched() throws Exception {
        HostFunctions host = new HostFunctions();
        Process sleep = dummies.startSleep();
        await().until(() -> !host.table.matching(dummies.sleepName).isEmpty());
        Credentials wrongPassword = new Credentials("aDBUser", "aDBPw", "demoUser", "wrong");

        for (var function : List.of(host.check, host.kill, host.duration, host.startJvm, host.start)) {
            Map<String, Object> arguments = credentialArguments(wrongPassword);
            arguments.putAll(Map.of("process_name", dummies.sleepName, "path", dummies.sleep.toString(), "monitoring_duration_sec", 1));
            assertThatThrownBy(() -> function.invoke(arguments, run))
                    .as(function.func()).isInstanceOf(ActivityFailedException.class).hasMessage("Authentication failed");
        }
        Map<String, Object> missingPassword = credentialArguments(FixedCredentialVerifier.VALID);
        missingPassword.remove("password");
        missingPassword.put("process_name", dummies.sleepName);
        assertThatThrownBy(() -> host.kill.invoke(missingPassword, run)).hasMessage("Authentication failed");

        assertThat(sleep.isAlive()).isTrue();
        assertThat(host.table.matching(dummies.sleepName)).hasSize(1);
    }
}
