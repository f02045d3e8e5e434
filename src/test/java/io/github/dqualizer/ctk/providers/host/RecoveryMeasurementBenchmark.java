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
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
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
        // -Dbench.pollIntervals=1ms,2ms: each round measures every interval, one after the other (side by side);
        // without it, the default ctk.host.poll-interval
        List<String> intervals = List.of(System.getProperty("bench.pollIntervals", "default").split(","));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, List<Double>> errors = new LinkedHashMap<>();
        Map<String, List<Double>> cpu = new LinkedHashMap<>();
        Map<String, List<Double>> widths = new LinkedHashMap<>();
        try (DummyProcesses dummies = new DummyProcesses()) {
            for (int i = 0; i < rounds; i++) {
                for (String interval : intervals) {
                    HostProperties defaults = HostProperties.defaults();
                    HostFunctions host = new HostFunctions(interval.equals("default") ? defaults
                            : new HostProperties(null, null, null, pollInterval(interval), null, null, null));
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
                    String key = interval.equals("default") ? "poll " + defaults.pollInterval().toMillis() + " ms (default)"
                            : "poll " + interval;
                    errors.computeIfAbsent(key, k -> new ArrayList<>()).add(error);
                    cpu.computeIfAbsent(key, k -> new ArrayList<>()).add(cpuShare);
                    widths.computeIfAbsent(key, k -> new ArrayList<>()).add(latest - earliest);
                    System.out.printf("round %d, %s: measured %.3f ms, true %.3f..%.3f ms, error %.3f ms, measuring thread %.2f %% of a core%n",
                            i + 1, key, measured, earliest, latest, error, cpuShare);
                    host.kill.invoke(validArguments("process_name", dummies.sleepName), HostFunctions.newRun());
                }
            }
        }
        for (String key : errors.keySet()) {
            System.out.printf("recovery measurement, %s, %d rounds: median |error| %.3f ms (max %.3f), median CPU %.2f %% of a core (max %.2f), "
                            + "median width of the true window %.3f ms; load %s%n",
                    key, rounds, median(errors.get(key).stream().map(Math::abs).toList()),
                    errors.get(key).stream().mapToDouble(Math::abs).max().orElse(0),
                    median(cpu.get(key)), cpu.get(key).stream().mapToDouble(d -> d).max().orElse(0), median(widths.get(key)),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
        System.exit(0);
    }

    /** "1ms", "500us" or an ISO-8601 duration. */
    private static Duration pollInterval(String text) {
        if (text.endsWith("us")) {
            return Duration.ofNanos(Long.parseLong(text.substring(0, text.length() - 2)) * 1000);
        }
        if (text.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
        }
        return Duration.parse(text);
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
