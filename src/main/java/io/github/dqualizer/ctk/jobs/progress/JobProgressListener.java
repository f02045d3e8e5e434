package io.github.dqualizer.ctk.jobs.progress;

import io.github.dqualizer.ctk.engine.ActivityPhase;
import io.github.dqualizer.ctk.engine.RunListener;
import io.github.dqualizer.ctk.engine.SteadyStates;
import io.github.dqualizer.ctk.providers.RunContext;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import io.github.dqualizer.ctk.jobs.jobrunr.CurrentJob;
import org.springframework.stereotype.Component;

/**
 * Shows each run executing as a JobRunr job in the dashboard (progress bar and activity log). The job context is
 * taken from {@link CurrentJob} when the run starts on the worker thread, so the job method keeps its signature.
 */
@Component
class JobProgressListener implements RunListener {

    private final ConcurrentMap<String, DashboardProgress> runs = new ConcurrentHashMap<>();

    @Override
    public void runStarted(RunContext run) {
        // only the run's own job: crash recovery plays rollbacks outside JobRunr
        CurrentJob.ofRun(run.runId()).ifPresent(job ->
                runs.put(run.runId(), new DashboardProgress(job, PlannedActivities.count(run.experiment()))));
    }

    @Override
    public void activityFinished(RunContext run, ActivityPhase phase, Map<String, Object> runRecord) {
        DashboardProgress progress = runs.get(run.runId());
        if (progress != null) {
            Map<?, ?> activity = runRecord.get("activity") instanceof Map<?, ?> a ? a : Map.of();
            progress.finished(phase.name().toLowerCase(Locale.ROOT).replace('_', '-'), String.valueOf(activity.get("name")),
                    runRecord.get("status") instanceof String s ? s : "error", runRecord.get("duration"));
        }
    }

    /** A failed probe is already counted; a probe that ran but missed its tolerance is not, until here. */
    @Override
    public void hypothesisEvaluated(RunContext run, ActivityPhase phase, Map<String, Object> state) {
        DashboardProgress progress = runs.get(run.runId());
        String probe = SteadyStates.missedProbe(state);
        if (progress != null && probe != null && SteadyStates.allSucceeded(state)) {
            progress.toleranceMissed(phase.name().toLowerCase(Locale.ROOT).replace('_', '-'), probe);
        }
    }

    @Override
    public void runFinished(RunContext run, Map<String, Object> journal) {
        DashboardProgress progress = runs.remove(run.runId());
        if (progress != null) {
            progress.ended();
        }
    }
}
