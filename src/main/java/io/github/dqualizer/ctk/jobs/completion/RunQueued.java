package io.github.dqualizer.ctk.jobs.completion;

/** Published (as a Spring application event) once an accepted run is stored and its job enqueued. */
public record RunQueued(String runId) {
}
