package io.github.dqualizer.ctk.pythonruntime;

import ctktest.TestEngine;
import ctktest.PythonTestModules;
import io.github.dqualizer.ctk.engine.ExperimentRunner;
import io.github.dqualizer.ctk.engine.RunOptions;
import io.github.dqualizer.ctk.safety.ChildEnvironment;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cost of a trivial python activity (a function returning {@code None}) through the engine and the Python worker,
 * and the worker's start-up, each split into its parts: the bare interpreter's start ({@code python3 -c pass}
 * spawned the same way), the worker's start, one request's round trip without the engine, and the engine's own
 * per-activity work on a built-in function. Compare with {@code scripts/bench/chaoslib_activity.py} (chaoslib's
 * run_experiment in one interpreter). Run: {@code scripts/benchmark.sh python-activity}.
 */
public final class PythonActivityBenchmark {

    private static final int ACTIVITIES = 1000;
    private static final int ROUNDS = 7;

    private PythonActivityBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        PythonRuntime python = PythonTestModules.runtime();
        ExperimentRunner runner = TestEngine.engine().python(python).newRunner();
        python.measureStartNanos(); // resolves the interpreter (a pyenv shim costs more, once)
        String interpreter;
        try (PythonSession session = python.session("bench-resolve")) {
            session.call("ctktest_ext", "nothing", Map.of(), Map.of(), Map.of(), null);
            interpreter = session.interpreter();
        }

        List<Long> bare = new ArrayList<>();
        List<Long> starts = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            bare.add(bareInterpreterNanos(interpreter) / 1_000_000);
            starts.add(python.measureStartNanos() / 1_000_000);
        }
        System.out.println("bare interpreter (" + interpreter + " -c pass) ms, 10 starts: " + bare + "; median " + median(bare));
        System.out.println("worker start-up ms (spawn, imports, ready), 10 starts: " + starts + "; median " + median(starts));

        List<Long> trips = new ArrayList<>();
        try (PythonSession session = python.session("bench-round-trip")) {
            Map<String, Object> configuration = Map.of("a", "b", "c", List.of(1, 2, 3));
            for (int round = 0; round < ROUNDS + 1; round++) {
                long begin = System.nanoTime();
                for (int i = 0; i < ACTIVITIES; i++) {
                    session.call("ctktest_ext", "nothing", Map.of(), configuration, Map.of(), null);
                }
                if (round > 0) { // the first round starts the worker and warms the JIT
                    trips.add((System.nanoTime() - begin) / 1000 / ACTIVITIES);
                }
            }
        }
        System.out.println("worker round trip alone (PythonSession.call) us, " + ROUNDS + " x " + ACTIVITIES + ": " + trips
                + "; median " + median(trips));

        List<Long> engine = perActivity(runner, "conformance.functions", "ret", "bench-builtin-");
        System.out.println("engine alone (built-in function, no Python) us per activity, " + ROUNDS + " runs: " + engine
                + "; median " + median(engine));
        List<Long> full = perActivity(runner, "ctktest_ext", "nothing", "bench-");
        System.out.println("trivial python activity through the engine (worker start included) us, " + ROUNDS + " runs: "
                + full + "; median " + median(full));
    }

    private static List<Long> perActivity(ExperimentRunner runner, String module, String func, String prefix) {
        List<Object> method = new ArrayList<>();
        for (int i = 0; i < ACTIVITIES; i++) {
            Map<String, Object> provider = Map.of("type", "python", "module", module, "func", func);
            method.add(new LinkedHashMap<>(Map.of("type", "action", "name", "a" + i, "provider", provider)));
        }
        Map<String, Object> experiment = new LinkedHashMap<>(Map.of("title", "t", "description", "d", "method", method));
        runner.run(experiment, new RunOptions(prefix + "warm-up", null));
        List<Long> micros = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            long begin = System.nanoTime();
            Map<String, Object> journal = runner.run(experiment, new RunOptions(prefix + round, null));
            if (!"completed".equals(journal.get("status"))) {
                throw new IllegalStateException(module + "." + func + ": " + journal.get("status"));
            }
            micros.add((System.nanoTime() - begin) / 1000 / ACTIVITIES);
        }
        return micros;
    }

    private static long bareInterpreterNanos(String interpreter) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(interpreter, "-c", "pass");
        WorkerEnvironment.apply(builder, ChildEnvironment.defaults(), PythonTestModules.properties().path());
        builder.redirectErrorStream(true);
        long start = System.nanoTime();
        Process process = builder.start();
        process.getInputStream().readAllBytes();
        process.waitFor();
        return System.nanoTime() - start;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
