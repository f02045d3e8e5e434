package io.github.dqualizer.ctk.engine;

import java.util.Locale;

/** CTK's {@code --dry} modes (section 3.11 of the spec). */
public enum DryMode {
    ACTIONS, PROBES, ACTIVITIES, PAUSE;

    /** Parses the CLI spelling; {@code null} means "not dry". */
    public static DryMode parse(String value) {
        if (value == null) {
            return null;
        }
        return switch (value) {
            case "actions" -> ACTIONS;
            case "probes" -> PROBES;
            case "activities" -> ACTIVITIES;
            case "pause" -> PAUSE;
            default -> throw new IllegalArgumentException(
                    "unknown dry mode '" + value + "': expected one of actions, probes, activities, pause");
        };
    }

    /** The CLI spelling, as written into the journal's {@code experiment.dry}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether an activity of that type is skipped in this mode. */
    public boolean skips(String activityType) {
        return this == ACTIVITIES
                || (this == ACTIONS && "action".equals(activityType))
                || (this == PROBES && "probe".equals(activityType));
    }
}
