/**
 * Runs executing on this instance: their threads ({@code RunExecutions}), cancellation ({@code RunCanceller}),
 * storing a finished run's result with retries while the database is away, and the run execution settings
 * ({@code ctk.jobs.*}). It must not know HTTP or other instances.
 */
@NamedInterface("execution")
package io.github.dqualizer.ctk.jobs.execution;

import org.springframework.modulith.NamedInterface;
