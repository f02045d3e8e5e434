package io.github.dqualizer.ctk.api;

import io.github.dqualizer.ctk.jobs.store.RunOutcome;
import io.github.dqualizer.ctk.jobs.store.RunStatus;

/** Builds the envelopes that describe a run's outcome, exactly as the prototype worded them. */
final class Outcomes {

    private Outcomes() {
    }

    static Envelope envelope(RunOutcome outcome) {
        String runId = outcome.runId();
        RunStatus status = outcome.status();
        if (!status.terminal()) {
            return accepted(runId, outcome.title());
        }
        int code = status == RunStatus.COMPLETED ? 200 : 500;
        return new Envelope(code, "Experiment was executed and terminated with status: " + status.wireName() + ".",
                "The journal is at /experiments/" + runId + "/journal.", runId, outcome.title(), outcome.deviated(),
                status.wireName(), outcome.responseMeasures());
    }

    static Envelope accepted(String runId, String title) {
        return new Envelope(202, "Experiment was accepted and queued.",
                "Follow the run at /experiments/" + runId + "; its journal will be at /experiments/" + runId + "/journal.",
                runId, title, null, null, null);
    }
}
