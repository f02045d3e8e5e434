package io.github.dqualizer.ctk.providers.host;

import static io.github.dqualizer.ctk.providers.host.FixedCredentialVerifier.validArguments;

import io.github.dqualizer.ctk.providers.RunContext;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Benchmark harness (docs/benchmarks.md): {@code get_duration_until_process_started} measuring a real 1 s
 * downtime (a dummy process killed by {@code kill_process_by_name}, restarted 1.0 s after the kill). Per round:
 * the error against the true downtime window (restart call .. its return) and the CPU time of the measuring
 * thread as a share of one core over the measurement. It reports; it asserts nothing.
 * Run: {@code scripts/benchmark.sh recovery} ({@code -Dbench.rounds}, default 10).
 */
public final class RecoveryMeasurementBenchmark {

    private static final long DOWNTIME_NANOS = TimeUnit.SECONDS.toNanos(1);

    private RecoveryMeasurementBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = Integer.getInteger("bench.rounds", 10);
        HostFunctions host = new HostFunctions();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<Double> errors = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        try (DummyProcesses dummies = new DummyProcesses()) {
            for (int i = 0; i < rounds; i++) {
                RunContext run = HostFunctions.newRun();
                dummies.startSleep();
                while (host.table.matching(dummies.sleepName).isEmpty()) {
                    LockSupport.parkNanos(1_000_000);
                }
                CompletableFuture<long[]> restarted = CompletableFuture.supplyAsync(() -> restartAfterKill(run, dummies));
                host.kill.invoke(validArguments("process_name", dummies.sleepName), run);
                long cpuBefore = threads.getCurrentThreadCpuTime();
                long wallBefore = System.nanoTime();
                Double measured = (Double) host.duration.invoke(validArguments("process_name", dummies.sleepName,
                        "monitoring_duration_sec", 10, "checking_interval_sec", 0), run);
                double cpuShare = (threads.getCurrentThreadCpuTime() - cpuBefore) * 100.0 / (System.nanoTime() - wallBefore);
                long kill = ProcessKill.lastIn(run, dummies.sleepName).orElseThrow().nanoTime();
                long[] window = restarted.get(10, TimeUnit.SECONDS);
                double earliest = (window[0] - kill) / 1e6;
                double latest = (window[1] - kill) / 1e6;
                double error = measured == null ? Double.NaN
                        : measured < earliest ? measured - earliest : measured > latest ? measured - latest : 0;
                errors.add(error);
                cpu.add(cpuShare);
                System.out.printf("round %d: measured %.3f ms, true %.3f..%.3f ms, error %.3f ms, measuring thread %.2f %% of a core%n",
                        i + 1, measured, earliest, latest, error, cpuShare);
                host.kill.invoke(validArguments("process_name", dummies.sleepName), HostFunctions.newRun());
            }
        }
        System.out.printf("recovery measurement, %d rounds: median |error| %.3f ms, median CPU %.2f %% of a core; load %s%n",
                rounds, median(errors.stream().map(Math::abs).toList()), median(cpu),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.exit(0);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static long[] restartAfterKill(RunContext run, DummyProcesses dummies) {
        Optional<ProcessKill> kill = Optional.empty();
        while (kill.isEmpty()) {
            LockSupport.parkNanos(100_000);
            kill = ProcessKill.lastIn(run, dummies.sleepName);
        }
        long due = kill.get().nanoTime() + DOWNTIME_NANOS;
        while (due - System.nanoTime() > 2_000_000) {
            LockSupport.parkNanos(due - System.nanoTime() - 2_000_000);
        }
        while (System.nanoTime() < due) {
            Thread.onSpinWait();
        }
        long called = System.nanoTime();
        dummies.startSleep();
        return new long[] {called, System.nanoTime()};
    }
}
