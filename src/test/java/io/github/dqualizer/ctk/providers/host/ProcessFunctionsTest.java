package io.github.dqualizer.ctk.providers.host;

import static io.github.dqualizer.ctk.providers.host.FixedCredentialVerifier.validArguments;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.github.dqualizer.ctk.providers.ActivityFailedException;
import io.github.dqualizer.ctk.providers.RunContext;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** Checking, killing and starting real processes through the SPI. */
@EnabledOnOs({OS.LINUX, OS.MAC})
class ProcessFunctionsTest {

    private final DummyProcesses dummies = new DummyProcesses();
    private final HostFunctions host = new HostFunctions(
            new HostProperties(null, null, dummies.directory.resolve("logs"), null, null, null, null));
    private final RunContext run = HostFunctions.newRun();

    @AfterEach
    void endDummies() {
        dummies.close();
    }

    private boolean exists(String processName) throws Exception {
        return (Boolean) host.check.invoke(validArguments("process_name", processName), run);
    }

    private Object kill(String processName, Object... more) throws Exception {
        Object[] arguments = new Object[more.length + 2];
        arguments[0] = "process_name";
        arguments[1] = processName;
        System.arraycopy(more, 0, arguments, 2, more.length);
        return host.kill.invoke(validArguments(arguments), run);
    }

    @Test
    void checkWhenProcessOfThatNameRunsThenTrue() throws Exception {
        assertThat(exists(dummies.sleepName)).isFalse();
        Process sleep = dummies.startSleep();
        await().until(() -> exists(dummies.sleepName));
        sleep.destroyForcibly().waitFor();
        assertThat(exists(dummies.sleepName)).isFalse();
    }

    @Test
    void checkWhenNameIsOnlyPartOfOsNameThenFalse() throws Exception {
        dummies.startSleep();
        await().until(() -> exists(dummies.sleepName));
        assertThat(exists(dummies.sleepName.substring(0, dummies.sleepName.length() - 2))).isFalse();
    }

    @Test
    void checkMatchesJvmByJarNameAndByMainClassLikeJps() throws Exception {
        dummies.startJar();
        await().until(() -> exists("ctkdummy-" + dummies.id));
        assertThat(exists(dummies.jarName)).isTrue();

        dummies.startMainClass();
        await().until(() -> exists("Sleeper" + dummies.id));
        assertThat(exists(dummies.mainClass)).isTrue();
    }

    @Test
    void killWhenProcessRunsThenKilledAndTrue() throws Exception {
        Process sleep = dummies.startSleep();
        await().until(() -> exists(dummies.sleepName));

        assertThat(kill(dummies.sleepName)).isEqualTo(true);

        assertThat(reaped(sleep).isAlive()).isFalse();
        assertThat(exists(dummies.sleepName)).isFalse();
        assertThat(ProcessKill.lastIn(run, dummies.sleepName)).get()
                .extracting(ProcessKill::pids).isEqualTo(java.util.Set.of(sleep.pid()));
    }

    @Test
    void killKillsEveryMatchingProcess() throws Exception {
        Process first = dummies.startSleep();
        Process second = dummies.startSleep();
        await().until(() -> host.table.matching(dummies.sleepName).size() == 2);

        assertThat(kill(dummies.sleepName)).isEqualTo(true);

        assertThat(reaped(first).isAlive()).isFalse();
        assertThat(reaped(second).isAlive()).isFalse();
    }

    @Test
    void killWhenNothingMatchesThenFalse() throws Exception {
        assertThat(kill(dummies.sleepName)).isEqualTo(false);
        assertThat(ProcessKill.lastIn(run, dummies.sleepName)).isEmpty();
    }

    @Test
    void killJvmByJarName() throws Exception {
        Process jvm = dummies.startJar();
        await().until(() -> exists("ctkdummy-" + dummies.id));

        assertThat(kill("ctkdummy-" + dummies.id)).isEqualTo(true);

        assertThat(reaped(jvm).isAlive()).isFalse();
    }

    @Test
    void killGracefullyWhenProcessEndsOnTermThenNoForcibleKill() throws Exception {
        Process sleep = dummies.startSleep();
        await().until(() -> exists(dummies.sleepName));

        assertThat(kill(dummies.sleepName, "graceful", true, "grace_period_sec", 5)).isEqualTo(true);

        assertThat(reaped(sleep).exitValue()).as("SIGTERM exit status").isEqualTo(128 + 15);
    }

    @Test
    void killGracefullyWhenProcessIgnoresTermThenForciblyAfterGracePeriod() throws Exception {
        Process stubborn = dummies.startSleepIgnoringTerm();
        await().until(() -> exists(dummies.sleepName));
        long started = System.nanoTime();

        assertThat(kill(dummies.sleepName, "graceful", "True", "grace_period_sec", 0.4)).isEqualTo(true);

        // causality, not speed: the forcible kill comes only once the grace period is over (no upper bound)
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        assertThat(reaped(stubborn).isAlive()).isFalse();
        assertThat(reaped(stubborn).exitValue()).as("SIGKILL exit status").isEqualTo(128 + 9);
    }

    @Test
    void startJvmProcessByPathStartsJarDetachedAndReturnsPid() throws Exception {
        Object pid = host.startJvm.invoke(validArguments("path", dummies.jar().toString(), "process_name", "ctkdummy-" + dummies.id), run);
        dummies.adopt((Long) pid);

        assertThat(pid).isInstanceOf(Long.class);
        await().until(() -> exists("ctkdummy-" + dummies.id));
        assertThat(host.table.matching(dummies.jarName)).extracting(RunningProcess::pid).containsExactly((Long) pid);
        assertThat(Files.list(host.properties.logDirectory()).anyMatch(f -> f.getFileName().toString().startsWith(dummies.jarName))).isTrue();
    }

    @Test
    void startProcessByPathStartsProgram() throws Exception {
        Object pid = host.start.invoke(validArguments("path", dummies.sleepScript().toString()), run);
        dummies.adopt((Long) pid);

        await().until(() -> exists(dummies.sleepName));
        assertThat(host.table.matching(dummies.sleepName)).extracting(RunningProcess::pid).containsExactly((Long) pid);
    }

    @Test
    void startWhenPathMissingOrNotExecutableThenClearFailure() throws Exception {
        assertThatThrownBy(() -> host.startJvm.invoke(validArguments("path", dummies.directory.resolve("missing.jar").toString()), run))
                .isInstanceOf(ActivityFailedException.class).hasMessageContaining("No readable jar file");
        assertThatThrownBy(() -> host.start.invoke(validArguments("path", dummies.directory.resolve("missing").toString()), run))
                .isInstanceOf(ActivityFailedException.class).hasMessageContaining("No program file");
        java.nio.file.Path plain = Files.writeString(dummies.directory.resolve("plain.txt"), "not a program");
        assertThatThrownBy(() -> host.start.invoke(validArguments("path", plain.toString()), run))
                .isInstanceOf(ActivityFailedException.class).hasMessageContaining("not executable");
    }

    @Test
    void durationWhenProcessAlreadyRunsAndNoKillThenZero() throws Exception {
        dummies.startSleep();
        await().until(() -> exists(dummies.sleepName));

        Object millis = host.duration.invoke(validArguments("process_name", dummies.sleepName, "monitoring_duration_sec", 1), run);

        assertThat(millis).isEqualTo(0.0);
    }

    @Test
    void durationWhenProcessDoesNotComeBackThenNullAfterMonitoringDuration() throws Exception {
        long started = System.nanoTime();
        Object millis = host.duration.invoke(validArguments("process_name", dummies.sleepName,
                "monitoring_duration_sec", 0.3, "checking_interval_sec", 0), run);

        assertThat(millis).isNull();
        // causality, not speed: "not there" is only said once the monitoring window is over (no upper bound)
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void durationWhenInterruptedThenStopsWaiting() throws Exception {
        // interrupted once it is seen parked between two polls (not after a fixed delay that a loaded machine may
        // not honour); the monitoring window is long enough that only the interrupt can end the wait
        Thread caller = Thread.currentThread();
        Thread interrupter = new Thread(() -> {
            while (!waitingForAProcess(caller)) {
                LockSupport.parkNanos(Duration.ofMillis(1).toNanos());
            }
            caller.interrupt();
        });
        interrupter.setDaemon(true);
        interrupter.start();
        assertThatThrownBy(() -> host.duration.invoke(validArguments("process_name", dummies.sleepName,
                "monitoring_duration_sec", 600), run)).isInstanceOf(InterruptedException.class)
                .hasMessage("stopped waiting for process '" + dummies.sleepName + "'");
        interrupter.join();
        Thread.interrupted();
    }

    private static boolean waitingForAProcess(Thread thread) {
        return thread.getState() == Thread.State.TIMED_WAITING && Arrays.stream(thread.getStackTrace())
                .anyMatch(frame -> frame.getClassName().equals(ProcessAppearanceWaiter.class.getName()));
    }

    /**
     * The process once this JVM, its parent, has reaped it. A kill returns as soon as the process is gone or a zombie
     * (a zombie is not running), and the JDK's reaper thread collects its exit status a moment later: until then
     * {@code isAlive()} is still true and {@code exitValue()} throws (a .ci/run failed on that race). A process that
     * really survived the kill fails here after 30 s.
     */
    private static Process reaped(Process process) throws Exception {
        return process.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
    }
}
