package io.github.dqualizer.ctk.providers.host;

import io.github.dqualizer.ctk.osprocess.ProcStat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a process started, on the {@link System#nanoTime()} scale. On Linux from its age (the system's uptime minus
 * its start in clock ticks, both to 10 ms), because the JDK's {@code startInstant()} adds the boot time in whole
 * seconds and so can be up to a second off; elsewhere from {@code startInstant()}.
 */
final class ProcessStartTime {

    /** USER_HZ: the unit of proc(5)'s start time, fixed at 100 in Linux's ABI. */
    private static final double CLOCK_TICKS_PER_SECOND = 100.0;

    private ProcessStartTime() {
    }

    static Optional<Long> nanoTime(ProcessHandle process) {
        if (ProcStat.AVAILABLE) {
            return ProcStat.fieldsAfterName(process.pid()).filter(fields -> fields.length > 19).flatMap(fields -> {
                long now = System.nanoTime();
                return uptimeSeconds().map(uptime -> now - secondsToNanos(uptime - Long.parseLong(fields[19]) / CLOCK_TICKS_PER_SECOND));
            });
        }
        return process.info().startInstant().map(start -> System.nanoTime() - Duration.between(start, Instant.now()).toNanos());
    }

    private static Optional<Double> uptimeSeconds() {
        try {
            String uptime = new String(Files.readAllBytes(ProcStat.PROC.resolve("uptime")), StandardCharsets.ISO_8859_1);
            return Optional.of(Double.parseDouble(uptime.substring(0, uptime.indexOf(' '))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static long secondsToNanos(double seconds) {
        return Math.round(seconds * 1e9);
    }
}
