package io.github.dqualizer.ctk.engine;

/**
 * How one run is executed.
 *
 * @param runId         id of the run, handed to providers and listeners
 * @param dry           dry mode or {@code null}
 * @param rollbacksOnly recovery of a run whose instance died: nothing but the rollbacks is played
 *                      (unless the strategy is {@code never}) and the run ends {@code interrupted}
 * @param stop          how the caller stops the run; {@code null}: only by interrupting the calling thread
 */
public record RunOptions(String runId, DryMode dry, boolean rollbacksOnly, RunStop stop) {

    public RunOptions(String runId, DryMode dry) {
        this(runId, dry, false, null);
    }
}
