package io.github.dqualizer.ctk.providers.host;

import io.github.dqualizer.ctk.auth.CredentialVerifier;
import io.github.dqualizer.ctk.influx.ResilienceMeasurements;
import io.github.dqualizer.ctk.providers.FunctionParameter;
import io.github.dqualizer.ctk.providers.RunContext;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * {@code processMonitoring.get_duration_until_process_started}: the downtime in milliseconds, counted
 * from this run's kill of the process when there was one, else from the call; {@code null} when the
 * process did not appear within {@code monitoring_duration_sec}.
 */
@Component
class DurationUntilProcessStarted extends AuthenticatedHostFunction {

    private final ProcessAppearanceWaiter waiter;
    private final HostProperties properties;
    private final ResilienceMeasurements measurements;

    public DurationUntilProcessStarted(CredentialVerifier verifier, ProcessAppearanceWaiter waiter, HostProperties properties,
                                       ResilienceMeasurements measurements) {
        super(verifier, "processMonitoring", "get_duration_until_process_started", FunctionParameter.required("process_name"),
                FunctionParameter.optional("monitoring_duration_sec"), FunctionParameter.optional("checking_interval_sec"));
        this.waiter = waiter;
        this.properties = properties;
        this.measurements = measurements;
    }

    @Override
    protected Object call(HostArguments arguments, RunContext context) throws InterruptedException {
        long called = System.nanoTime();
        String processName = arguments.requiredString("process_name");
        Duration monitoring = arguments.seconds("monitoring_duration_sec").orElse(properties.monitoringDuration());
        Optional<ProcessKill> kill = ProcessKill.lastIn(context, processName);
        Set<ProcessHandle> killed = kill.map(ProcessKill::processes).orElse(Set.of());

        Optional<ProcessAppearanceWaiter.Appearance> appearance =
                waiter.await(processName, killed, called + monitoring.toNanos(), pollInterval(arguments));
        Double downtime = appearance.map(found -> millis(found, kill, called)).orElse(null);
        measurements.actualRecoveryTime(context.runId(), downtime, monitoring.toNanos() / 1e6);
        return downtime;
    }

    /** The fast poll interval, or {@code checking_interval_sec} when that is even shorter (it is an upper bound). */
    private Duration pollInterval(HostArguments arguments) {
        return arguments.seconds("checking_interval_sec")
                .filter(interval -> !interval.isZero() && interval.compareTo(properties.pollInterval()) < 0)
                .orElse(properties.pollInterval());
    }

    private static double millis(ProcessAppearanceWaiter.Appearance found, Optional<ProcessKill> kill, long called) {
        if (kill.isEmpty()) {
            return found.presentAtFirstScan() ? 0.0 : round((found.nanoTime() - called) / 1e6);
        }
        if (found.presentAtFirstScan()) {
            // it came back before the call: its OS start time is the best estimate we have
            Optional<Long> started = ProcessStartTime.nanoTime(found.process().handle()).filter(start -> start - kill.get().nanoTime() > 0);
            if (started.isPresent()) {
                return round((started.get() - kill.get().nanoTime()) / 1e6);
            }
        }
        return round((found.nanoTime() - kill.get().nanoTime()) / 1e6);
    }

    private static double round(double millis) {
        return Math.round(millis * 1000) / 1000.0;
    }
}
