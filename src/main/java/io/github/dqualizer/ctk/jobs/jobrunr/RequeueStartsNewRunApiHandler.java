package io.github.dqualizer.ctk.jobs.jobrunr;

import java.util.UUID;
import org.jobrunr.dashboard.JobRunrApiHandler;
import org.jobrunr.dashboard.server.http.HttpRequest;
import org.jobrunr.dashboard.server.http.HttpResponse;
import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.context.JobDashboardLogger;
import org.jobrunr.storage.StorageProvider;
import org.jobrunr.utils.mapper.JsonMapper;

/**
 * JobRunr's dashboard API with one route changed: Requeue asks {@link RequeueAction} first. JobRunr would enqueue a
 * finished run's job once more, which a run never honours (it runs once), so the button did nothing; the action
 * starts a new run instead and its note goes into the original job's log (whose state stays as it was). Refused:
 * 409, which the dashboard shows as an error. A job the action does not know is requeued as JobRunr would.
 */
class RequeueStartsNewRunApiHandler extends JobRunrApiHandler {

    private final StorageProvider storage;
    private final RequeueAction action;

    RequeueStartsNewRunApiHandler(StorageProvider storage, JsonMapper jobRunrJson, RequeueAction action) {
        super(storage, jobRunrJson, false);
        this.storage = storage;
        this.action = action;
        post("/jobs/:id/requeue", this::requeue); // the route table is a map: this replaces JobRunr's handler
    }

    private void requeue(HttpRequest request, HttpResponse response) {
        UUID jobId = request.param(":id", UUID.class);
        Job job = storage.getJobById(jobId);
        RequeueAction.Outcome outcome = action.requeue(jobId);
        switch (outcome.kind()) {
            case NOT_MINE -> {
                job.enqueue();
                storage.save(job);
                response.statusCode(204);
            }
            case REFUSED -> response.statusCode(409);
            case STARTED_AGAIN -> {
                new JobDashboardLogger(job).info(outcome.note());
                storage.save(job);
                response.statusCode(204);
            }
        }
    }
}
