package io.github.dqualizer.ctk.engine;

import java.util.Optional;

/**
 * How a run executing on a thread is stopped from outside. A cancel interrupts the run's experiment once; a second
 * cancel, or one that arrives once the rollbacks have begun, does nothing, so the rollbacks always run to the end.
 * Only {@link #cutShort} interrupts the rollbacks (a shutdown whose grace period ran out), and the journal says why.
 */
public final class RunStop {

    private enum Phase { EXPERIMENT, ROLLBACKS, ENDED }

    private final Thread thread;
    private Phase phase = Phase.EXPERIMENT;
    private boolean cancelled;
    private String cutShortReason;
    private String shutdownReason;

    private RunStop(Thread thread) {
        this.thread = thread;
    }

    /** For a run about to execute on the calling thread. */
    public static RunStop forCurrentThread() {
        return new RunStop(Thread.currentThread());
    }

    /** Interrupts the run unless it was cancelled already, plays its rollbacks or has ended; true when it did. */
    public synchronized boolean cancel() {
        if (cancelled || phase != Phase.EXPERIMENT) {
            return false;
        }
        cancelled = true;
        thread.interrupt();
        return true;
    }

    /** Interrupts the run, its rollbacks too; {@code reason} goes into the journal. */
    public synchronized void cutShort(String reason) {
        if (phase == Phase.ENDED || cutShortReason != null) {
            return;
        }
        cutShortReason = reason;
        thread.interrupt();
    }

    /**
     * The service is shutting down: an interruption that reaches the rollbacks from now on (the job server stopping
     * its workers at the end of the grace period) is explained by {@code reason} in the journal.
     */
    public synchronized void shutdownBegun(String reason) {
        shutdownReason = reason;
    }

    /** Called by the engine on the run's thread before the rollbacks: a cancel's pending interrupt is used up. */
    public synchronized void rollbacksBegin() {
        phase = Phase.ROLLBACKS;
        if (cutShortReason == null) {
            Thread.interrupted();
        }
    }

    /** Called by the engine when the journal is written: nothing interrupts the run any more. */
    public synchronized void ended() {
        phase = Phase.ENDED;
    }

    /** Why the rollbacks were interrupted, when this side knows. */
    public synchronized Optional<String> cutShortReason() {
        return Optional.ofNullable(cutShortReason != null ? cutShortReason : shutdownReason);
    }
}
