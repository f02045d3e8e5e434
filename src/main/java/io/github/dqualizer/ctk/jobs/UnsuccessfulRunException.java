package io.github.dqualizer.ctk.jobs;

import org.jobrunr.JobRunrException;

/**
 * Thrown by a run's job after its result is stored, so that JobRunr marks the job FAILED with the run's
 * reason as message. {@code doNotRetry}: JobRunr never runs it again (re-running chaos is never safe, and
 * the run is already finished). Without a stack trace: the dashboard shows the reason, not our frames.
 */
public class UnsuccessfulRunException extends JobRunrException {

    /** Public with a message only: JobRunr rebuilds a stored failure's exception by reflection. */
    public UnsuccessfulRunException(String message) {
        super(message, true);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
