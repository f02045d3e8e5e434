/**
 * Per-run progress on JobRunr's dashboard: a {@link io.github.dqualizer.ctk.engine.RunListener} that logs each
 * planned activity to the job's dashboard log and progress bar. It must not know the store, HTTP or other instances.
 */
package io.github.dqualizer.ctk.jobs.progress;
