package io.github.dqualizer.ctk.providers.host;

import io.github.dqualizer.ctk.influx.InfluxProperties;
import io.github.dqualizer.ctk.influx.InfluxWriter;
import io.github.dqualizer.ctk.influx.ResilienceMeasurements;
import io.github.dqualizer.ctk.providers.RunContext;
import io.github.dqualizer.ctk.providers.process.ExecutablePolicy;
import io.github.dqualizer.ctk.safety.ChildEnvironment;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** The host functions wired by hand, as Spring would wire them, with the {@link FixedCredentialVerifier}. */
final class HostFunctions {

    final HostProperties properties;
    final ProcessTable table = new ProcessTable();
    final ProcessGuard guard;
    final CheckProcessExists check;
    final DurationUntilProcessStarted duration;
    final KillProcessByName kill;
    final StartJvmProcessByPath startJvm;
    final StartProcessByPath start;

    HostFunctions(HostProperties properties, InfluxProperties influx) {
        this(properties, influx, ExecutablePolicy.allowAll());
    }

    HostFunctions(HostProperties properties, InfluxProperties influx, ExecutablePolicy executables) {
        this.properties = properties;
        FixedCredentialVerifier verifier = new FixedCredentialVerifier();
        ResilienceMeasurements measurements = new ResilienceMeasurements(new InfluxWriter(influx));
        guard = new ProcessGuard(properties);
        ProcessLauncher launcher = new ProcessLauncher(properties, ChildEnvironment.defaults());
        check = new CheckProcessExists(verifier, table, measurements);
        duration = new DurationUntilProcessStarted(verifier, new ProcessAppearanceWaiter(table), properties, measurements);
        kill = new KillProcessByName(verifier, table, guard, new ProcessTerminator(properties), properties, measurements);
        startJvm = new StartJvmProcessByPath(verifier, launcher, guard, executables);
        start = new StartProcessByPath(verifier, launcher, guard, measurements, executables);
    }

    HostFunctions(HostProperties properties) {
        this(properties, new InfluxProperties(false, null, null, null, null, null));
    }

    HostFunctions() {
        this(HostProperties.defaults());
    }

    static RunContext newRun() {
        return new RunContext(UUID.randomUUID().toString(), Map.of(), new ConcurrentHashMap<>());
    }
}
