package io.github.dqualizer.ctk.engine;

public record RunOptions(String runId, DryMode dry) {
}
