package io.github.dqualizer.ctk.engine;

import static org.assertj.core.api.Assertions.assertThat;

import ctktest.TestFunctions;
import io.github.dqualizer.ctk.experiment.ExperimentReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Cancelling a run is interrupting its thread: status interrupted, rollbacks played unless never. */
class CancellationTest {

    private final ExperimentRunner runner = new ExperimentRunner(TestFunctions.registry(), List.of());

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
    void interruptDuringProcessThenRecordWithoutStatusAndProcessKilled() throws Exception {
        long started = System.nanoTime();
        Map<String, Object> journal = runAndInterrupt(experiment("""
                {"type": "action", "name": "sleep", "provider": {"type": "process", "path": "sleep", "arguments": ["30"]}},
                {"type": "action", "name": "never-run", "provider": {"type": "process", "path": "true"}}""", "always"));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
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
        AtomicReference<Map<String, Object>> journal = new AtomicReference<>();
        AtomicReference<Boolean> flagKept = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            journal.set(runner.run(experiment, new RunOptions("cancel", null)));
            flagKept.set(Thread.currentThread().isInterrupted());
        });
        thread.start();
        Thread.sleep(500);
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
