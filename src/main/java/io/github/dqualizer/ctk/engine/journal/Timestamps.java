package io.github.dqualizer.ctk.engine.journal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** chaoslib 1.45 timestamps ({@code 2024-01-02T03:04:05.123456+00:00}, fraction dropped at 0 µs) and durations. */
public final class Timestamps {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    /** Now, truncated to microseconds like Python's datetime. */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    public static String format(Instant instant) {
        int micros = instant.getNano() / 1000;
        String fraction = micros == 0 ? "" : String.format(".%06d", micros);
        return SECONDS.format(instant) + fraction + "+00:00";
    }

    /** Seconds between two instants as a float with microsecond resolution. */
    public static double seconds(Instant start, Instant end) {
        Duration d = Duration.between(start, end);
        return d.getSeconds() + (d.getNano() / 1000) / 1_000_000.0;
    }
}
