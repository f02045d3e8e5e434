/**
 * Chaos Toolkit run semantics (chaoslib 1.41/1.45): strategies, steady-state hypothesis and tolerances, method
 * and background activities, pauses, rollbacks, substitution, the journal and secret masking, and the
 * {@link io.github.dqualizer.ctk.engine.RunListener} hook for whoever observes a run. It calls providers through
 * {@code providers}' SPI and reads documents through {@code experiment}. It must not know HTTP, persistence, JobRunr
 * or InfluxDB; its sub-packages are its own.
 */
package io.github.dqualizer.ctk.engine;
