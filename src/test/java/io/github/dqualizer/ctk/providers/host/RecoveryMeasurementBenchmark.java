package io.github.dqualizer.ctk.providers.host;

import static io.github.dqualizer.ctk.providers.host.FixedCredentialVerifier.validArguments;

import io.github.dqualizer.ctk.providers.RunContext;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Benchmark harness (docs/benchmarks.md): {@code get_duration_until_process_started} measuring a real 1 s
 * downtime (a dummy process killed by {@code kill_process_by_name}, restarted 1.0 s after the kill by a shell that
 * execs it). Per round: the error against the true downtime window (the shell told to exec .. the exec seen in
 * {@code /proc}) and the CPU time of the measuring
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
        List<Double> widths = new ArrayList<>();
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
                widths.add(latest - earliest);
                host.kill.invoke(validArguments("process_name", dummies.sleepName), HostFunctions.newRun());
            }
        }
        System.out.printf("recovery measurement, %d rounds: median |error| %.3f ms (max %.3f), median CPU %.2f %% of a core (max %.2f), "
                        + "median width of the true window %.3f ms; load %s%n",
                rounds, median(errors.stream().map(Math::abs).toList()), errors.stream().mapToDouble(Math::abs).max().orElse(0),
                median(cpu), cpu.stream().mapToDouble(d -> d).max().orElse(0), median(widths),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.exit(0);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    /**
     * Restarts the dummy 1.0 s after the recorded kill, the way a supervisor does (a new process that execs the
     * program): a shell started 100 ms before is told to {@code exec} the dummy at the due instant, and this thread
     * then spins on {@code /proc/<pid>/exe} until it names the dummy. The true appearance lies between the
     * instant the shell was told and the first readlink that saw the dummy, a window of well under a millisecond on
     * an idle host (a {@code ProcessBuilder.start()} of the dummy would span its whole spawn, 5-50 ms under load).
     */
    private static long[] restartAfterKill(RunContext run, DummyProcesses dummies) {
        Optional<ProcessKill> kill = Optional.empty();
        while (kill.isEmpty()) {
            LockSupport.parkNanos(100_000);
            kill = ProcessKill.lastIn(run, dummies.sleepName);
        }
        long due = kill.get().nanoTime() + DOWNTIME_NANOS;
        sleepUntil(due - TimeUnit.MILLISECONDS.toNanos(100));
        Process shell = dummies.start(List.of("/bin/sh", "-c", "read line; exec \"$0\" 300", dummies.sleep.toString()));
        Path exe = Path.of("/proc", Long.toString(shell.pid()), "exe");
        sleepUntil(due);
        try {
            OutputStream stdin = shell.getOutputStream();
            long told = System.nanoTime();
            stdin.write('\n');
            stdin.flush();
            while (!RunningProcess.fileName(Files.readSymbolicLink(exe).toString()).equals(dummies.sleepName)) {
                Thread.onSpinWait();
            }
            return new long[] {told, System.nanoTime()};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleepUntil(long due) {
        while (due - System.nanoTime() > 2_000_000) {
            LockSupport.parkNanos(due - System.nanoTime() - 2_000_000);
        }
        while (System.nanoTime() < due) {
            Thread.onSpinWait();
        }
    }
}
