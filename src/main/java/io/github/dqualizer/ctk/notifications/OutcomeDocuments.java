package io.github.dqualizer.ctk.notifications;

import io.github.dqualizer.ctk.jobs.store.RunOutcome;

/** The JSON answer wait mode gives for a run's outcome; implemented by the HTTP layer, which owns that envelope. */
public interface OutcomeDocuments {

    /** An object that serialises as the wait-mode answer for {@code outcome}. */
    Object waitModeAnswer(RunOutcome outcome);
}
