package io.github.dqualizer.ctk.providers.host;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the host-process functions ({@code ctk.host.*}).
 *
 * @param deniedProcessNames   names that are never killed, whatever the experiment says
 * @param allowedProcessNames  when not empty, the only names that may be killed or started
 * @param logDirectory         where started processes write their stdout/stderr
 * @param pollInterval         pause between two existence checks while waiting for a process
 * @param gracePeriod          default wait after a graceful termination request before killing forcibly
 * @param exitTimeout          how long a forcibly killed process may take to disappear
 * @param monitoringDuration   default {@code monitoring_duration_sec} of the recovery measurement
 */
@ConfigurationProperties("ctk.host")
record HostProperties(List<String> deniedProcessNames, List<String> allowedProcessNames, Path logDirectory,
                             Duration pollInterval, Duration gracePeriod, Duration exitTimeout,
                             Duration monitoringDuration) {

    public static final List<String> DEFAULT_DENIED = List.of("mysqld", "mariadbd", "mysqld_safe", "mariadbd-safe");

    public HostProperties {
        deniedProcessNames = deniedProcessNames == null ? DEFAULT_DENIED : List.copyOf(deniedProcessNames);
        allowedProcessNames = allowedProcessNames == null ? List.of() : List.copyOf(allowedProcessNames);
        logDirectory = logDirectory == null ? Path.of(System.getProperty("java.io.tmpdir")) : logDirectory;
        // 2 ms: half a period (~1 ms) of error, well inside the 5 ms asked; each poll is a wake-up that costs the kernel
        // tens of microseconds on a busy host, so 1 ms cost twice the CPU on the host whose recovery is measured (issue 18)
        pollInterval = pollInterval == null ? Duration.ofMillis(2) : pollInterval;
        gracePeriod = gracePeriod == null ? Duration.ofSeconds(10) : gracePeriod;
        exitTimeout = exitTimeout == null ? Duration.ofSeconds(5) : exitTimeout;
        monitoringDuration = monitoringDuration == null ? Duration.ofSeconds(60) : monitoringDuration;
    }

    /** All defaults. */
    public static HostProperties defaults() {
        return new HostProperties(null, null, null, null, null, null, null);
    }
}
