package io.github.dqualizer.ctk.engine;

/**
 * How one run is executed.
 *
 * @param runId id of the run, handed to providers and listeners
 * @param dry   dry mode or {@code null}
 */
public record RunOptions(String runId, DryMode dry) {
}
