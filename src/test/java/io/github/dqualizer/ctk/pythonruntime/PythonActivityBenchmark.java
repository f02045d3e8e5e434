package io.github.dqualizer.ctk.pythonruntime;

import ctktest.PythonTestModules;
import ctktest.TestFunctions;
import io.github.dqualizer.ctk.engine.ControlsProperties;
import io.github.dqualizer.ctk.engine.ExperimentRunner;
import io.github.dqualizer.ctk.engine.RunOptions;
import io.github.dqualizer.ctk.experiment.EngineProperties;
import io.github.dqualizer.ctk.providers.process.ExecutablePolicy;
import io.github.dqualizer.ctk.safety.ChildEnvironment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cost of a trivial python activity (a function returning {@code None}) through the engine and the Python worker,
 * and the worker's start-up. Compare with {@code scripts/bench/chaoslib_activity.py} (chaoslib's run_experiment in
 * one interpreter). Run: {@code scripts/benchmark.sh python-activity}.
 */
public final class PythonActivityBenchmark {

    private static final int ACTIVITIES = 1000;

    private PythonActivityBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        PythonRuntime python = PythonTestModules.runtime();
        ExperimentRunner runner = new ExperimentRunner(TestFunctions.registry(), List.of(), EngineProperties.defaults(),
                ExecutablePolicy.allowAll(), ChildEnvironment.defaults(), python, ControlsProperties.none());
        List<Object> method = new ArrayList<>();
        for (int i = 0; i < ACTIVITIES; i++) {
            Map<String, Object> provider = Map.of("type", "python", "module", "ctktest_ext", "func", "nothing");
            method.add(new LinkedHashMap<>(Map.of("type", "action", "name", "a" + i, "provider", provider)));
        }
        Map<String, Object> experiment = new LinkedHashMap<>(Map.of("title", "t", "description", "d", "method", method));
        python.measureStartNanos(); // resolves the interpreter (a pyenv shim costs more, once)
        List<Long> starts = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            starts.add(python.measureStartNanos() / 1_000_000);
        }
        System.out.println("worker start-up ms, 10 starts: " + starts);
        for (int round = 0; round < 7; round++) {
            long begin = System.nanoTime();
            Map<String, Object> journal = runner.run(experiment, new RunOptions("bench-" + round, null));
            long micros = (System.nanoTime() - begin) / 1000 / ACTIVITIES;
            System.out.println("run " + round + " (" + journal.get("status") + "): " + micros
                    + " us per trivial python activity, worker start included");
        }
    }
}
