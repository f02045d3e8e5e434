package io.github.dqualizer.ctk.providers.host;

import io.github.dqualizer.ctk.providers.ActivityFailedException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Reads provider arguments leniently, as Python would take them: booleans may be "True"/"false", numbers may be strings. */
final class HostArguments {

    private final Map<String, Object> arguments;

    public HostArguments(Map<String, Object> arguments) {
        this.arguments = arguments == null ? Map.of() : arguments;
    }

    public Optional<String> string(String name) {
        Object value = arguments.get(name);
        return value == null ? Optional.empty() : Optional.of(value.toString());
    }

    public String requiredString(String name) {
        return string(name).filter(text -> !text.isBlank())
                .orElseThrow(() -> new ActivityFailedException("Argument '" + name + "' is required"));
    }

    public boolean bool(String name, boolean defaultValue) {
        Object value = arguments.get(name);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Boolean bool) {
            return bool;
        }
        if (value instanceof Number number) {
            return number.doubleValue() != 0;
        }
        return switch (value.toString().trim().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no", "" -> false;
            default -> throw new ActivityFailedException("Argument '" + name + "' must be a boolean, got '" + value + "'");
        };
    }

    /** A duration given in (possibly fractional) seconds. */
    public Optional<Duration> seconds(String name) {
        Object value = arguments.get(name);
        if (value == null) {
            return Optional.empty();
        }
        try {
            BigDecimal seconds = new BigDecimal(value.toString().trim());
            if (seconds.signum() < 0) {
                throw new ActivityFailedException("Argument '" + name + "' must not be negative");
            }
            return Optional.of(Duration.ofNanos(seconds.movePointRight(9).longValue()));
        } catch (NumberFormatException e) {
            throw new ActivityFailedException("Argument '" + name + "' must be a number of seconds, got '" + value + "'");
        }
    }
}
