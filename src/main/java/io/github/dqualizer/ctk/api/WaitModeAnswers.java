package io.github.dqualizer.ctk.api;

import io.github.dqualizer.ctk.jobs.store.RunOutcome;
import io.github.dqualizer.ctk.notifications.OutcomeDocuments;
import org.springframework.stereotype.Component;

/** Gives callbacks the very envelope wait mode answers. */
@Component
class WaitModeAnswers implements OutcomeDocuments {

    @Override
    public Object waitModeAnswer(RunOutcome outcome) {
        return Outcomes.envelope(outcome);
    }
}
