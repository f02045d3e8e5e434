package io.github.dqualizer.ctk.engine.journal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

/** chaoslib 1.45 timestamps ({@code 2024-01-02T03:04:05.123456+00:00}, fraction dropped at 0 µs) and durations. */
public final class Timestamps {

    private Timestamps() {
    }

    /** Now, truncated to microseconds like Python's datetime. */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    public static String format(Instant instant) {
        // by hand: several per activity, and String.format/DateTimeFormatter cost more than the rest of a record
        LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        StringBuilder out = new StringBuilder(32);
        pad(out, t.getYear(), 4).append('-');
        pad(out, t.getMonthValue(), 2).append('-');
        pad(out, t.getDayOfMonth(), 2).append('T');
        pad(out, t.getHour(), 2).append(':');
        pad(out, t.getMinute(), 2).append(':');
        pad(out, t.getSecond(), 2);
        int micros = instant.getNano() / 1000;
        if (micros != 0) {
            pad(out.append('.'), micros, 6);
        }
        return out.append("+00:00").toString();
    }

    private static StringBuilder pad(StringBuilder out, int value, int width) {
        for (int limit = 10, i = 1; i < width; i++, limit *= 10) {
            if (value < limit) {
                out.append('0');
            }
        }
        return out.append(value);
    }

    /** Seconds between two instants as a float with microsecond resolution. */
    public static double seconds(Instant start, Instant end) {
        Duration d = Duration.between(start, end);
        return d.getSeconds() + (d.getNano() / 1000) / 1_000_000.0;
    }
}
