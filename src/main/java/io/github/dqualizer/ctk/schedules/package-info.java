/**
 * Recurring experiments: a schedule stores an experiment (secrets encrypted like a run's), its owner, a cron
 * expression or ISO-8601 interval and an optional callback, and is a JobRunr recurring job of the same id, named
 * after the schedule. Each firing validates the experiment again and submits a normal run through
 * {@code jobs}' {@code RunSubmitter}, unless the schedule's previous run is still queued or running (then the
 * firing is skipped and counted). Must not know HTTP.
 */
package io.github.dqualizer.ctk.schedules;
