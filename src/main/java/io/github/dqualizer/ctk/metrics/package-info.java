/**
 * What a run reports to monitoring: Micrometer run meters and the queued-runs gauge, and the expected recovery
 * time written to InfluxDB when a run starts. Observes runs through {@code engine}'s
 * {@link io.github.dqualizer.ctk.engine.RunListener} and {@code jobs}' events; it must not know HTTP or change a
 * run.
 */
package io.github.dqualizer.ctk.metrics;
