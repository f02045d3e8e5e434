/**
 * Live events of runs ({@code GET /experiments/{id}/events}): a bounded in-memory history per run fed by the
 * engine's {@link io.github.dqualizer.ctk.engine.RunListener} and the jobs' {@code RunQueued}/{@code RunEnded},
 * replayed to late subscribers, with the stored journal as the source for runs this instance did not watch.
 * Events never carry activity arguments, outputs or secrets. Knows nothing of HTTP.
 */
package io.github.dqualizer.ctk.events;
