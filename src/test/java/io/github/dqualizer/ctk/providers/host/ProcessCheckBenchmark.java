package io.github.dqualizer.ctk.providers.host;

import java.util.Set;

/**
 * Benchmark harness (docs/benchmarks.md): the cost of one process-existence check — a full scan and
 * one incremental poll of the recovery-time loop — on this host. It reports; it asserts nothing.
 * Run: {@code scripts/benchmark.sh process-check}.
 */
public final class ProcessCheckBenchmark {

    private ProcessCheckBenchmark() {
    }

    public static void main(String[] args) {
        ProcessTable table = new ProcessTable();
        int rounds = Integer.getInteger("bench.rounds", 500);
        long processes = ProcessHandle.allProcesses().count();
        for (int i = 0; i < 50; i++) {
            table.firstMatching("no-such-process", Set.of());
        }
        long started = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            table.firstMatching("no-such-process", Set.of());
        }
        double scanMs = (System.nanoTime() - started) / 1e6 / rounds;
        ProcessWatch watch = table.watch("no-such-process", Set.of());
        for (int i = 0; i < 50; i++) {
            watch.poll();
        }
        started = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            watch.poll();
        }
        double pollMs = (System.nanoTime() - started) / 1e6 / rounds;
        System.out.printf("process check over %d processes: full scan %.3f ms, incremental poll %.3f ms (mean of %d)%n",
                processes, scanMs, pollMs, rounds);
    }
}
