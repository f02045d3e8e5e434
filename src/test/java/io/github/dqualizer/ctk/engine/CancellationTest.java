package io.github.dqualizer.ctk.engine;

import ctktest.TestEngine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.dqualizer.ctk.experiment.ExperimentReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cancelling a run is interrupting its thread: status interrupted, rollbacks played unless never. */
class CancellationTest {

    private final ExperimentRunner runner = TestEngine.runner();

    @Test
    void interruptDuringPauseThenInterruptedAndRollbacksPlayed() throws Exception {
        Map<String, Object> journal = runAndInterrupt(experiment("""
                {"type": "action", "name": "wait", "pauses": {"before": 10},
                 "provider": {"type": "python", "module": "conformance.functions", "func": "ret"}}""", "default"));

        assertThat(journal.get("status")).isEqualTo("interrupted");
        assertThat((List<?>) journal.get("run")).isEmpty();
        assertThat(rollbacks(journal)).hasSize(1);
        assertThat(rollbacks(journal).get(0).get("status")).isEqualTo("succeeded");
    }

    @Test
    void interruptDuringProcessThenRecordWithoutStatusAndProcessKilled(@TempDir Path dir) throws Exception {
        Path pidFile = dir.resolve("pid");
        // the shell writes its pid and becomes the sleep: the process the activity waits for is that pid
        Map<String, Object> journal = runAndInterrupt(experiment("""
                {"type": "action", "name": "sleep", "provider": {"type": "process", "path": "sh",
                 "arguments": ["-c", "echo $$ > '%s'; exec sleep 30"]}},
                {"type": "action", "name": "never-run", "provider": {"type": "process", "path": "true"}}""".formatted(pidFile), "always"),
                () -> Files.exists(pidFile) && !Files.readString(pidFile).isBlank());

        long pid = Long.parseLong(Files.readString(pidFile).strip());
        assertThat(ProcessHandle.of(pid)).as("the activity's process was ended with the run, not left to sleep 30 s")
                .isEmpty();
        assertThat(journal.get("status")).isEqualTo("interrupted");
        List<Map<String, Object>> run = records(journal, "run");
        assertThat(run).hasSize(1);
        assertThat(run.get(0)).doesNotContainKey("status").containsKey("end");
        assertThat(rollbacks(journal)).hasSize(1);
    }

    @Test
    void interruptWithNeverStrategyThenNoRollbacks() throws Exception {
        Map<String, Object> journal = runAndInterrupt(experiment("""
                {"type": "action", "name": "wait", "pauses": {"before": 10},
                 "provider": {"type": "python", "module": "conformance.functions", "func": "ret"}}""", "never"));

        assertThat(journal.get("status")).isEqualTo("interrupted");
        assertThat(rollbacks(journal)).isEmpty();
    }

    private Map<String, Object> runAndInterrupt(Map<String, Object> experiment) throws InterruptedException {
        // the pauses of these experiments last 10 s: any moment after the thread started falls inside the method
        return runAndInterrupt(experiment, () -> true);
    }

    /** Interrupts the run once {@code underWay} holds (the activity to interrupt has begun). */
    private Map<String, Object> runAndInterrupt(Map<String, Object> experiment, Callable<Boolean> underWay)
            throws InterruptedException {
        AtomicReference<Map<String, Object>> journal = new AtomicReference<>();
        AtomicReference<Boolean> flagKept = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            journal.set(runner.run(experiment, new RunOptions("cancel", null)));
            flagKept.set(Thread.currentThread().isInterrupted());
        });
        thread.start();
        await().atMost(Duration.ofSeconds(20)).until(underWay);
        thread.interrupt();
        thread.join(20_000);
        assertThat(thread.isAlive()).isFalse();
        assertThat(flagKept.get()).as("interrupt flag restored for the caller").isTrue();
        return journal.get();
    }

    private static Map<String, Object> experiment(String method, String strategy) {
        String json = """
                {"title": "t", "description": "d", "method": [%s],
                 "rollbacks": [{"type": "action", "name": "rb",
                   "provider": {"type": "python", "module": "conformance.functions", "func": "ret", "arguments": {"value": 1}}}],
                 "runtime": {"rollbacks": {"strategy": "%s"}}}""".formatted(method, strategy);
        return new ExperimentReader().read(json.getBytes(StandardCharsets.UTF_8), false);
    }

    private static List<Map<String, Object>> rollbacks(Map<String, Object> journal) {
        return records(journal, "rollbacks");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> records(Map<String, Object> journal, String key) {
        return (List<Map<String, Object>>) journal.get(key);
    }
}
