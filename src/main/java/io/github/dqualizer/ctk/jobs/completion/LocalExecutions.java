package io.github.dqualizer.ctk.jobs.completion;

/**
 * Which runs execute on this instance: their end reaches {@link RunCompletionNotifier} in-process, so nobody needs to
 * read them from the database while waiting for it.
 */
public interface LocalExecutions {

    /** True while the run is being claimed or executed (or recovered) here. */
    boolean isHere(String runId);
}
