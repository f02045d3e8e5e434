/**
 * Waiting for runs to end: the {@code RunQueued}/{@code RunEnded} application events, the notifier that wakes
 * waiting requests when a run ends here, {@code RunWaiter}, and {@code EndedElsewherePoll}, which reads the awaited runs
 * that do not execute here (queued, or on another instance) in one query a second while anyone waits for such a run.
 * No thread is held per waiting request. It must
 * not know JobRunr or how a run is executed.
 */
@NamedInterface("completion")
package io.github.dqualizer.ctk.jobs.completion;

import org.springframework.modulith.NamedInterface;
