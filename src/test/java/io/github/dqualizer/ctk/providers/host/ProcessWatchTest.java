package io.github.dqualizer.ctk.providers.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The incremental watch and the Linux description of a process, on real processes and the real /proc. */
@EnabledOnOs(OS.LINUX)
class ProcessWatchTest {

    private final ProcessTable table = new ProcessTable();
    private final DummyProcesses dummies = new DummyProcesses();

    @AfterEach
    void endDummies() {
        dummies.close();
    }

    /**
     * A new process that runs something else first (here a shell waiting for a line) and execs the watched program
     * later is found by the first poll after the exec: a re-check of a recently new process skips it only while its
     * executable is still the one it was described with.
     */
    @Test
    void aNewProcessThatExecsTheProgramLaterIsFoundByThePollAfterTheExec() throws Exception {
        try (ProcessWatch watch = table.watch(dummies.sleepName, Set.of())) {
            assertThat(watch.poll()).isEmpty();
            Process shell = shellThatExecsTheDummyOnALine();
            assertThat(watch.poll()).isEmpty(); // the shell is seen, not matching
            assertThat(watch.poll()).isEmpty();

            execTheDummyThenTheNextPollFindsIt(shell, watch);
        }
    }

    /**
     * A process that started just before the watch's first scan may still be about to exec the program: it is
     * re-checked on each poll and found by the first poll after its exec.
     */
    @Test
    void aProcessStartedJustBeforeTheFirstScanThatExecsTheProgramIsFoundByThePollAfterTheExec() throws Exception {
        Process shell = shellThatExecsTheDummyOnALine();
        try (ProcessWatch watch = table.watch(dummies.sleepName, Set.of())) {
            assertThat(watch.poll()).isEmpty();
            assertThat(watch.recheckedPids()).contains(shell.pid());

            execTheDummyThenTheNextPollFindsIt(shell, watch);
        }
    }

    /**
     * A process that was already running well before the watch began is not re-checked on every poll, even if its PID
     * is among the last allocated (on a quiet host the last 256 PIDs go back a long way): such re-checks, five system
     * calls per process and poll, were most of a recovery measurement's CPU. It is still described by the full scans.
     */
    @Test
    void aProcessRunningLongBeforeTheWatchBeganIsNotRecheckedOnEveryPoll() throws Exception {
        Process old = dummies.start(List.of("/bin/sh", "-c", "read line"));
        Thread.sleep(ProcessWatch.RECHECK_NEW / 1_000_000 + 200);
        try (ProcessWatch watch = table.watch(dummies.sleepName, Set.of())) {
            assertThat(watch.poll()).isEmpty();
            assertThat(watch.recheckedPids()).doesNotContain(old.pid());
        }
    }

    /** A shell that execs the dummy program when it reads a line; returned once the shell runs. */
    private Process shellThatExecsTheDummyOnALine() {
        Process shell = dummies.start(List.of("/bin/sh", "-c", "read line; exec \"$0\" 300", dummies.sleep.toString()));
        await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1))
                .until(() -> List.of("sh", "dash").contains(executableName(shell)));
        return shell;
    }

    /** Tells the shell to exec the dummy, waits until it has, and asserts that the watch's next poll finds it. */
    private void execTheDummyThenTheNextPollFindsIt(Process shell, ProcessWatch watch) throws IOException {
        try (OutputStream stdin = shell.getOutputStream()) {
            stdin.write('\n');
        }
        await().until(() -> executableName(shell).equals(dummies.sleepName));

        Optional<RunningProcess> found = watch.poll();
        assertThat(found).isPresent();
        assertThat(found.get().pid()).isEqualTo(shell.pid());
    }

    private static String executableName(Process process) throws IOException {
        return Files.readSymbolicLink(Path.of("/proc", Long.toString(process.pid()), "exe")).getFileName().toString();
    }

    /** A process without a readable executable (a kernel thread here) is named by /proc/<pid>/comm, as OSHI named it. */
    @Test
    void aProcessWithoutExecutableIsNamedByItsComm() throws Exception {
        Optional<ProcessHandle> kthreadd = ProcessHandle.of(2);
        assumeThat(kthreadd).as("kernel thread 2 visible (not in a PID namespace)").isPresent();
        String comm = Files.readString(Path.of("/proc/2/comm")).trim();

        assertThat(table.describe(kthreadd.get())).map(RunningProcess::name).contains(comm);
    }

    @Test
    void aJvmIsDescribedWithItsMainClass() {
        Process jvm = dummies.startMainClass();
        await().until(() -> table.describe(jvm.toHandle()).flatMap(RunningProcess::jvmMain).isPresent());

        assertThat(table.describe(jvm.toHandle()).flatMap(RunningProcess::jvmMain)).contains(dummies.mainClass);
    }
}
