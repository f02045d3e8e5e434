/**
 * Waiting for runs to end: the {@code RunQueued}/{@code RunEnded} application events, the notifier that wakes
 * waiting requests when a run ends here, and {@code RunWaiter}, which also reads the run once a second for every
 * waiting request (a run that ends on another instance), without holding a thread. It must
 * not know JobRunr or how a run is executed.
 */
@NamedInterface("completion")
package io.github.dqualizer.ctk.jobs.completion;

import org.springframework.modulith.NamedInterface;
