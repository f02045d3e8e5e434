package io.github.dqualizer.ctk.jobs.dashboard;

import io.github.dqualizer.ctk.jobs.ExperimentRun;
import io.github.dqualizer.ctk.jobs.RunOutcome;
import io.github.dqualizer.ctk.jobs.RunQueries;
import io.github.dqualizer.ctk.jobs.RunSubmitter;
import java.util.Optional;
import java.util.UUID;
import org.jobrunr.dashboard.JobRunrApiHandler;
import org.jobrunr.dashboard.server.http.HttpRequest;
import org.jobrunr.dashboard.server.http.HttpResponse;
import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.context.JobDashboardLogger;
import org.jobrunr.storage.StorageProvider;
import org.jobrunr.utils.mapper.JsonMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JobRunr's dashboard API with one route changed: Requeue on a run's job means "run it again". JobRunr would
 * enqueue the finished job once more, which a run never honours (it runs once), so the button did nothing;
 * here it starts a new run of the same experiment for the same owner, linked by {@code rerun_of}, and says so
 * in the original job's log. A job of a run that has not ended answers 409 (the dashboard shows its error);
 * a job that is no run is requeued as JobRunr would.
 */
class RequeueStartsNewRunApiHandler extends JobRunrApiHandler {

    private static final Logger log = LoggerFactory.getLogger(RequeueStartsNewRunApiHandler.class);

    private final StorageProvider storage;
    private final RunQueries runs;
    private final RunSubmitter submitter;

    RequeueStartsNewRunApiHandler(StorageProvider storage, JsonMapper jobRunrJson, RunQueries runs, RunSubmitter submitter) {
        super(storage, jobRunrJson, false);
        this.storage = storage;
        this.runs = runs;
        this.submitter = submitter;
        post("/jobs/:id/requeue", this::requeue); // the route table is a map: this replaces JobRunr's handler
    }

    private void requeue(HttpRequest request, HttpResponse response) {
        UUID jobId = request.param(":id", UUID.class);
        Optional<ExperimentRun> run = runs.any(jobId.toString());
        Job job = storage.getJobById(jobId);
        if (run.isEmpty()) {
            job.enqueue();
            storage.save(job);
            response.statusCode(204);
            return;
        }
        if (!run.get().status().terminal()) {
            response.statusCode(409);
            return;
        }
        RunOutcome again = submitter.rerun(run.get());
        new JobDashboardLogger(job).info("Requeued in the dashboard: runs again as run " + again.runId()
                + " (GET /experiments/" + again.runId() + ")");
        storage.save(job);
        log.info("Run {} requeued in the dashboard: runs again as run {}", jobId, again.runId());
        response.statusCode(204);
    }
}
