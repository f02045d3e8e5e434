/**
 * The one adapter to JobRunr's internals, i.e. everything beyond its public API (scheduler, job builders, storage
 * provider, job context): making the local job server fetch a new job at once ({@link
 * io.github.dqualizer.ctk.jobs.jobrunr.JobStartNudger}, ADR 0001), handing a job stored processing straight to a held
 * local worker ({@link io.github.dqualizer.ctk.jobs.jobrunr.LocalJobStart}, ADR 0001's addendum; {@code
 * LocalJobStartTest} covers it against a real JobRunr server), the job the current thread executes ({@link
 * io.github.dqualizer.ctk.jobs.jobrunr.CurrentJob}) and the dashboard's handlers with Requeue asking a {@link
 * io.github.dqualizer.ctk.jobs.jobrunr.RequeueAction} first ({@link io.github.dqualizer.ctk.jobs.jobrunr.JobRunrDashboard},
 * ADR 0003). A JobRunr upgrade has this one place to check: {@code JobRunrInternalsContractTest} covers it and
 * {@code JobRunrAdapterBoundaryTest} fails when another package touches those internals. It must not know runs beyond
 * their ids.
 */
package io.github.dqualizer.ctk.jobs.jobrunr;
