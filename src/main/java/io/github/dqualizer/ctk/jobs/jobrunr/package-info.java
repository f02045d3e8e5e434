/**
 * The parts of this service that touch JobRunr internals beyond its public API (today: making the local job server
 * fetch a new job at once, ADR 0001). Kept here so a JobRunr upgrade has one place to check, covered by
 * {@code JobStartNudgerContractTest}. It must not know runs beyond their ids.
 */
package io.github.dqualizer.ctk.jobs.jobrunr;
