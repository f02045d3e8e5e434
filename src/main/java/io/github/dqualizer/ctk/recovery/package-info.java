/**
 * Judges a run's measured recovery time against the one its experiment expects
 * ({@code extensions[0].expected_recovery_time_ms}): {@code response_measures} in the run view, the
 * wait-mode answer and the callback. Pure functions over the experiment and journal documents; depends on
 * no other module (the InfluxDB points stay with {@code metrics.influx}).
 */
package io.github.dqualizer.ctk.recovery;
