/**
 * Running accepted experiments through JobRunr: the submission path (store the run and its job together,
 * {@code RunBatchWriter}; keep it in memory for a local job, {@code AcceptedRuns}; nudge the local server) and the job
 * itself ({@code ExperimentJob}, whose fully-qualified name is stored in JobRunr's job table and therefore must not
 * change). Sub-packages by concern: {@code store} (the {@code experiment_runs} table), {@code completion} (waiting
 * for a run to end), {@code execution} (runs executing here: threads, cancellation, storing results),
 * {@code cluster} (instances: identity, liveness, crash recovery, graceful shutdown), {@code jobrunr} (JobRunr
 * internals), {@code dashboard} and {@code progress}. It must not know HTTP.
 */
package io.github.dqualizer.ctk.jobs;
