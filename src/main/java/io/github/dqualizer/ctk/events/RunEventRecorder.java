package io.github.dqualizer.ctk.events;

import io.github.dqualizer.ctk.engine.ActivityPhase;
import io.github.dqualizer.ctk.engine.RunListener;
import io.github.dqualizer.ctk.jobs.completion.RunEnded;
import io.github.dqualizer.ctk.jobs.completion.RunQueued;
import io.github.dqualizer.ctk.providers.RunContext;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Records what happens to the runs on this instance (queued, engine callbacks, stored end) in their histories. */
@Component
class RunEventRecorder implements RunListener {

    private final RunTimelines timelines;

    RunEventRecorder(RunTimelines timelines) {
        this.timelines = timelines;
    }

    @EventListener
    void queued(RunQueued queued) {
        timelines.open(queued.runId());
    }

    @Override
    public void runStarted(RunContext run) {
        timelines.open(run.runId()).emit(RunEvent.RUN_STARTED, EventData.run(run.runId()));
    }

    @Override
    public void activityStarted(RunContext run, ActivityPhase phase, Map<String, Object> activity) {
        timelines.open(run.runId()).emit(RunEvent.ACTIVITY_STARTED, EventData.activityStarted(EventData.phase(phase), activity));
    }

    @Override
    public void activityFinished(RunContext run, ActivityPhase phase, Map<String, Object> runRecord) {
        timelines.open(run.runId()).emit(RunEvent.ACTIVITY_FINISHED, EventData.activityFinished(EventData.phase(phase), runRecord));
    }

    @Override
    public void hypothesisEvaluated(RunContext run, ActivityPhase phase, Map<String, Object> state) {
        timelines.open(run.runId()).emit(RunEvent.HYPOTHESIS, EventData.hypothesis(EventData.phase(phase), state));
    }

    /** The run ends for its watchers once its result is stored, so the {@code outcome} read next is final. */
    @EventListener
    void ended(RunEnded ended) {
        timelines.end(ended.outcome().runId(), EventData.runFinished(ended.outcome().status(), ended.outcome().deviated()));
    }
}
