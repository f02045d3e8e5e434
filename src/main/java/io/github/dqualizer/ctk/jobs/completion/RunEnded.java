package io.github.dqualizer.ctk.jobs.completion;

import io.github.dqualizer.ctk.jobs.store.RunOutcome;

/** Published (as a Spring application event) once a run's final status is stored, on the instance that stored it. */
public record RunEnded(RunOutcome outcome) {
}
