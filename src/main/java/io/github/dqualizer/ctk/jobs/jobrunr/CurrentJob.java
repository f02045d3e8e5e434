package io.github.dqualizer.ctk.jobs.jobrunr;

import java.util.Optional;
import org.jobrunr.jobs.context.JobContext;
import org.jobrunr.server.runner.ThreadLocalJobContext;

/**
 * The JobRunr job the calling thread executes, read from JobRunr's thread-local (an internal of its job runner), so
 * job methods keep their signatures ({@code ExperimentJob.execute(runId)}, stored in every job) and still reach the
 * job's dashboard log and progress bar.
 */
public final class CurrentJob {

    private CurrentJob() {
    }

    /**
     * The job this thread executes; empty off JobRunr's worker threads (crash recovery, tests), where JobRunr 8's
     * {@code getJobContext()} throws instead of answering null.
     */
    public static Optional<JobContext> executing() {
        if (!ThreadLocalJobContext.hasJobContext()) {
            return Optional.empty();
        }
        JobContext job = ThreadLocalJobContext.getJobContext();
        return job == null || job == JobContext.Null ? Optional.empty() : Optional.of(job);
    }

    /** The job of {@code runId} (a run's job has the run's id), if this thread executes it. */
    public static Optional<JobContext> ofRun(String runId) {
        return executing().filter(job -> runId.equals(String.valueOf(job.getJobId())));
    }
}
