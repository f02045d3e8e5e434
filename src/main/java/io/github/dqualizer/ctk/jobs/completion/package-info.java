/**
 * Waiting for runs to end: the {@code RunQueued}/{@code RunEnded} application events and the notifier that wakes
 * waiting requests without holding a thread (polling the store only for runs executed by another instance). It must
 * not know JobRunr or how a run is executed.
 */
@NamedInterface("completion")
package io.github.dqualizer.ctk.jobs.completion;

import org.springframework.modulith.NamedInterface;
