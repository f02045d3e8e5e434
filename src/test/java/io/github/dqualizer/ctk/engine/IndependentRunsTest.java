package io.github.dqualizer.ctk.engine;

import ctktest.TestEngine;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.dqualizer.ctk.experiment.ExperimentReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Several runs on different threads share no state (counters live in each run's attributes). */
class IndependentRunsTest {

    @Test
    @SuppressWarnings("unchecked")
    void concurrentRunsThenEachCountsOnlyItsOwnCalls() throws Exception {
        ExperimentRunner runner = TestEngine.runner();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Map<String, Object>>> futures = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String json = """
                    {"title": "run ${n}", "description": "d", "configuration": {"n": %d}, "method": [
                      {"type": "probe", "name": "c1", "provider": {"type": "python", "module": "conformance.functions", "func": "counter"}},
                      {"type": "probe", "name": "wait", "provider": {"type": "process", "path": "sleep", "arguments": ["0.2"]}},
                      {"type": "probe", "name": "c2", "provider": {"type": "python", "module": "conformance.functions", "func": "counter"}}]}
                    """.formatted(i);
            Map<String, Object> experiment = new ExperimentReader().read(json.getBytes(StandardCharsets.UTF_8), false);
            String runId = "run-" + i;
            futures.add(pool.submit(() -> runner.run(experiment, new RunOptions(runId, null))));
        }
        for (int i = 0; i < 4; i++) {
            Map<String, Object> journal = futures.get(i).get();
            List<Map<String, Object>> run = (List<Map<String, Object>>) journal.get("run");
            assertThat(journal.get("status")).isEqualTo("completed");
            assertThat(((Map<String, Object>) journal.get("experiment")).get("title")).isEqualTo("run " + i);
            assertThat(run.get(0).get("output")).isEqualTo(1);
            assertThat(run.get(2).get("output")).isEqualTo(2);
        }
        pool.shutdown();
    }
}
