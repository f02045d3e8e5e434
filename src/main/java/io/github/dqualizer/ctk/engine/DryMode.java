package io.github.dqualizer.ctk.engine;

public enum DryMode {
    ACTIONS, PROBES, ACTIVITIES, PAUSE;

    public static DryMode parse(String value) {
        if (value == null) return null;
        for (DryMode m : values()) if (m.name().equalsIgnoreCase(value)) return m;
        throw new IllegalArgumentException("dry must be one of actions, probes, activities, pause");
    }
}
