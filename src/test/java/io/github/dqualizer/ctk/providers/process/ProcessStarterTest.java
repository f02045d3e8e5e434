package io.github.dqualizer.ctk.providers.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dqualizer.ctk.providers.output.BoundedOutputCollector;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The same real processes through the JDK's start and through {@link ProcessStarter#forThisJvm()} (the native start
 * on JDK 22+): both must behave alike in everything {@link ProcessProvider} relies on.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ProcessStarterTest {

    static Stream<ProcessStarter> starters() {
        return Stream.of(ProcessStarter.jdk(), ProcessStarter.forThisJvm());
    }

    private static Process start(ProcessStarter starter, String... command) throws IOException {
        return starter.start(new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.INHERIT));
    }

    private static Process sh(ProcessStarter starter, String script) throws IOException {
        return start(starter, "/bin/sh", "-c", script);
    }

    /** Both streams read as ProcessProvider does, until the process has exited. */
    private static BoundedOutputCollector.ProcessStreams output(Process process) throws Exception {
        return new BoundedOutputCollector(1 << 20).read(process, null).orElseThrow();
    }

    private static String stdout(Process process) throws Exception {
        return new String(output(process).stdout().decodableBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @MethodSource("starters")
    void exitStatusThenAsTheProcessEnded(ProcessStarter starter) throws Exception {
        assertThat(start(starter, "/usr/bin/true").waitFor()).isZero();
        assertThat(sh(starter, "exit 3").waitFor()).isEqualTo(3);
        Process killed = sh(starter, "kill -9 $$");
        assertThat(killed.waitFor()).isEqualTo(128 + 9);
        assertThat(killed.exitValue()).isEqualTo(137);
        assertThat(killed.isAlive()).isFalse();
    }

    @ParameterizedTest
    @MethodSource("starters")
    void outputLargerThanPipeBuffersThenBothStreamsCapturedSeparately(ProcessStarter starter) throws Exception {
        Process process = sh(starter, "head -c 300000 /dev/zero | tr '\\000' o; head -c 200000 /dev/zero | tr '\\000' e >&2; echo end");

        BoundedOutputCollector.ProcessStreams streams = output(process);

        assertThat(new String(streams.stdout().decodableBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))
                .hasSize(300_004).startsWith("ooo").endsWith("oend\n").matches("o+end\n");
        assertThat(new String(streams.stderr().decodableBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).matches("e{200000}");
        assertThat(process.exitValue()).isZero();
    }

    @ParameterizedTest
    @MethodSource("starters")
    void missingProgramThenTheJdksException(ProcessStarter starter) {
        // the JDK's own message: its wording differs between releases ("error=2, …" on 17, "Exec failed, error: 2 …" on 25)
        for (String program : List.of("/nonexistent/program", "/etc")) {
            Throwable jdk = org.assertj.core.api.Assertions.catchThrowable(() -> start(ProcessStarter.jdk(), program));
            assertThat(jdk).isInstanceOf(IOException.class).hasMessageStartingWith("Cannot run program \"" + program + "\": ");
            assertThatThrownBy(() -> start(starter, program)).isInstanceOf(IOException.class).hasMessage(jdk.getMessage());
        }
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> start(starter, "/nonexistent/program")))
                .hasMessageContaining("No such file or directory");
    }

    @ParameterizedTest
    @MethodSource("starters")
    void environmentThenExactlyTheBuildersVariables(ProcessStarter starter) throws Exception {
        ProcessBuilder only = new ProcessBuilder("/usr/bin/env").redirectInput(ProcessBuilder.Redirect.INHERIT);
        only.environment().clear();
        only.environment().put("ONLY", "a value with spaces and é");
        assertThat(stdout(starter.start(only))).isEqualTo("ONLY=a value with spaces and é\n");

        ProcessBuilder lessPath = new ProcessBuilder("/usr/bin/env").redirectInput(ProcessBuilder.Redirect.INHERIT);
        lessPath.environment().remove("PATH");
        lessPath.environment().put("ADDED", "1");
        List<String> lines = stdout(starter.start(lessPath)).lines().toList();
        assertThat(lines).noneMatch(line -> line.startsWith("PATH=")).contains("ADDED=1");
    }

    @ParameterizedTest
    @MethodSource("starters")
    void stdinThenInheritedAndNoOtherDescriptorOfTheService(ProcessStarter starter) throws Exception {
        String parentStdin = Files.readSymbolicLink(Path.of("/proc/self/fd/0")).toString();

        assertThat(stdout(start(starter, "/bin/readlink", "/proc/self/fd/0")).strip()).isEqualTo(parentStdin);
        // ls's own descriptor of the listed directory is 3: nothing of this JVM's jars, sockets or pipes
        assertThat(stdout(start(starter, "/bin/ls", "/proc/self/fd")).lines().toList()).containsExactly("0", "1", "2", "3");
    }

    /** Signal mask and ignored signals as under the JDK (SigCgt: handlers are reset by exec anyway). */
    @ParameterizedTest
    @MethodSource("starters")
    void signalsThenAsUnderTheJdk(ProcessStarter starter) throws Exception {
        String jdk = stdout(start(ProcessStarter.jdk(), "/bin/grep", "-E", "^Sig(Blk|Ign)", "/proc/self/status"));
        assertThat(stdout(start(starter, "/bin/grep", "-E", "^Sig(Blk|Ign)", "/proc/self/status"))).isEqualTo(jdk);
    }

    @ParameterizedTest
    @MethodSource("starters")
    void destroyThenEndedBySignal(ProcessStarter starter) throws Exception {
        Process forced = start(starter, "/bin/sleep", "30");
        Process terminated = start(starter, "/bin/sleep", "30");

        assertThat(forced.waitFor(100, TimeUnit.MILLISECONDS)).isFalse();
        assertThat(forced.isAlive()).isTrue();
        assertThatThrownBy(forced::exitValue).isInstanceOf(IllegalThreadStateException.class);
        forced.destroyForcibly();
        terminated.destroy();

        assertThat(forced.waitFor(5, TimeUnit.SECONDS)).isTrue();
        assertThat(forced.exitValue()).isEqualTo(128 + 9);
        assertThat(terminated.waitFor()).isEqualTo(128 + 15);
        assertThat(terminated.supportsNormalTermination()).isTrue();
        forced.destroyForcibly(); // after the exit: nothing to signal
        assertThatThrownBy(() -> forced.getInputStream().available()).isInstanceOf(IOException.class);
    }

    @ParameterizedTest
    @MethodSource("starters")
    void descendantsThenTheChildsChildFound(ProcessStarter starter) throws Exception {
        Process process = sh(starter, "/bin/sleep 30 & echo $!; wait");
        long grandchild = Long.parseLong(new BufferedReader(new InputStreamReader(process.getInputStream())).readLine());

        assertThat(process.pid()).isEqualTo(process.toHandle().pid());
        assertThat(process.descendants().map(ProcessHandle::pid)).contains(grandchild);
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        assertThat(process.waitFor(5, TimeUnit.SECONDS)).isTrue();
        assertThat(process.descendants()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("starters")
    void interruptDuringWaitThenInterruptedException(ProcessStarter starter) throws Exception {
        Process process = start(starter, "/bin/sleep", "30");
        try {
            Thread waiter = Thread.currentThread();
            Thread interrupter = new Thread(() -> {
                sleep(100);
                waiter.interrupt();
                sleep(300);
                waiter.interrupt();
            });
            interrupter.start();
            long started = System.nanoTime();
            assertThatThrownBy(process::waitFor).isInstanceOf(InterruptedException.class);
            assertThatThrownBy(() -> process.waitFor(20, TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class);
            assertThat(System.nanoTime() - started).isLessThan(TimeUnit.SECONDS.toNanos(5));
            interrupter.join();
            assertThat(process.isAlive()).isTrue();
        } finally {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Pipes and pidfds are closed once the output is read and the exit seen, and the child is reaped (no zombie). */
    @ParameterizedTest
    @MethodSource("starters")
    void manyProcessesThenNoDescriptorKeptAndNoZombie(ProcessStarter starter) throws Exception {
        output(start(starter, "/usr/bin/true")).stdout(); // warm-up: classes loaded, starter chosen
        int before = openDescriptors();
        long lastPid = 0;
        for (int i = 0; i < 50; i++) {
            Process process = start(starter, "/usr/bin/true");
            output(process);
            assertThat(process.exitValue()).isZero();
            lastPid = process.pid();
        }

        assertThat(openDescriptors()).isLessThanOrEqualTo(before + 5);
        assertThat(ProcessHandle.of(lastPid)).as("reaped").isEmpty();
    }

    /**
     * A process object dropped while its child runs (no caller of ProcessProvider does this, but a defect could): the
     * child is still reaped once it exits, as the JDK's own start does, rather than left a zombie for the service's life.
     */
    @ParameterizedTest
    @MethodSource("starters")
    void droppedWhileRunningThenReapedAfterItsExit(ProcessStarter starter) throws Exception {
        Process process = start(starter, "/bin/sleep", "0.5");
        long pid = process.pid();
        java.lang.ref.WeakReference<Process> dropped = new java.lang.ref.WeakReference<>(process);
        process = null;

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> {
            System.gc(); // until the process object is collected and its cleaning action has run, then past the exit
            return dropped.get() == null && ProcessHandle.of(pid).isEmpty();
        });
    }

    private static int openDescriptors() {
        return java.util.Objects.requireNonNull(new java.io.File("/proc/self/fd").list()).length;
    }

    /** A bare program name is searched on PATH, as by the JDK (the native start leaves it to the JDK). */
    @Test
    void bareNameThenFoundOnPath() throws Exception {
        assertThat(ProcessStarter.forThisJvm().start(new ProcessBuilder("true")).waitFor()).isZero();
    }
}
