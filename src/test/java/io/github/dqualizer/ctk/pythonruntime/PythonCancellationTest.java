package io.github.dqualizer.ctk.pythonruntime;

import io.github.dqualizer.ctk.osprocess.ProcessLiveness;
import ctktest.TestEngine;
import static io.github.dqualizer.ctk.pythonruntime.PythonActivitiesTest.action;
import static io.github.dqualizer.ctk.pythonruntime.PythonActivitiesTest.method;
import static io.github.dqualizer.ctk.pythonruntime.PythonActivitiesTest.provider;
import static io.github.dqualizer.ctk.pythonruntime.PythonActivitiesTest.read;
import static io.github.dqualizer.ctk.pythonruntime.PythonActivitiesTest.runs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ctktest.PythonTestModules;
import io.github.dqualizer.ctk.engine.ExperimentRunner;
import io.github.dqualizer.ctk.engine.RunOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cancelling a run (what cancel, stop-all, shutdown and crash recovery do: interrupt the run's thread) while a
 * python activity runs: the worker and the processes it started are killed before the engine goes on, the record
 * keeps no status (§3.10), and the rollbacks (python too) still play in a new worker.
 */
class PythonCancellationTest {

    private final ExperimentRunner runner = TestEngine.engine().python(PythonTestModules.runtime()).newRunner();

    @TempDir
    Path directory;

    @Test
    void interruptDuringAPythonActivityKillsTheWorkerAndItsChildrenAndPlaysRollbacks() throws Exception {
        Path pidFile = directory.resolve("pids");
        Map<String, Object> experiment = read("""
                {"title": "t", "description": "d",
                 "method": [%s, %s],
                 "rollbacks": [%s]}""".formatted(
                action("sleep", provider("sleep_with_child", "{\"seconds\": 60, \"pid_file\": \"" + pidFile + "\"}")),
                action("never", provider("nothing", "{}")),
                action("rb", provider("ret", "{\"value\": \"rolled back\"}"))));
        AtomicReference<Map<String, Object>> journal = new AtomicReference<>();
        Thread thread = new Thread(() -> journal.set(runner.run(experiment, new RunOptions("cancel-python", null))));
        thread.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(pidFile) && Files.size(pidFile) > 0);
        long[] pids = Arrays.stream(Files.readString(pidFile).split(" ")).mapToLong(Long::parseLong).toArray();

        thread.interrupt();
        thread.join(60_000);

        assertThat(thread.isAlive()).isFalse();
        assertThat(ProcessHandle.of(pids[0]).filter(ProcessHandle::isAlive)).as("the worker").isEmpty();
        // a killed grandchild may stay a zombie here (PID 1 of this container does not reap): it runs nothing
        assertThat(ProcessHandle.of(pids[1]).filter(ProcessLiveness::running)).as("the process it started").isEmpty();
        assertThat(journal.get().get("status")).isEqualTo("interrupted");
        assertThat(runs(journal.get())).singleElement().satisfies(run -> assertThat(run).doesNotContainKey("status"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rollbacks = (List<Map<String, Object>>) journal.get().get("rollbacks");
        assertThat(rollbacks).singleElement().satisfies(run -> assertThat(run)
                .containsEntry("status", "succeeded").containsEntry("output", "rolled back"));
    }

    @Test
    void section3_6_backgroundPythonActivitiesRunAlongsideTheForegroundOnes() {
        Map<String, Object> journal = runner.run(read("""
                {"title": "t", "description": "d", "method": [
                  {"type": "action", "name": "bg", "background": true,
                   "provider": {"type": "python", "module": "ctktest_ext", "func": "sleep", "arguments": {"seconds": 1}}},
                  %s]}""".formatted(action("fg", provider("pid", "{}")))), new RunOptions("background-python", null));

        assertThat(journal.get("status")).isEqualTo("completed");
        assertThat(runs(journal)).extracting(r -> r.get("status")).containsExactly("succeeded", "succeeded");
        // the foreground activity ended while the background one still slept: they ran at the same time
        assertThat(end(journal, "fg")).isLessThan(end(journal, "bg"));
    }

    @SuppressWarnings("unchecked")
    private static String end(Map<String, Object> journal, String name) {
        return runs(journal).stream().filter(r -> name.equals(((Map<String, Object>) r.get("activity")).get("name")))
                .map(r -> String.valueOf(r.get("end"))).findFirst().orElseThrow();
    }
}
