/**
 * The run store: the {@code experiment_runs} table ({@link io.github.dqualizer.ctk.jobs.store.ExperimentRun}, its
 * repository and owner-scoped queries), a run's status and outcome, and how an experiment is split for storage
 * (masked document, encrypted secrets). It must not know JobRunr, threads or other instances.
 */
@NamedInterface("store")
package io.github.dqualizer.ctk.jobs.store;

import org.springframework.modulith.NamedInterface;
