package io.github.dqualizer.ctk.jobs.jobrunr;

import java.util.UUID;

/**
 * What Requeue in the dashboard does with a job. The dashboard does not know runs: the jobs module decides
 * (a run's job starts a new run of it).
 */
public interface RequeueAction {

    Outcome requeue(UUID jobId);

    /** @param note for the requeued job's log when {@code kind} is {@link Kind#STARTED_AGAIN} */
    record Outcome(Kind kind, String note) {

        public static final Outcome NOT_MINE = new Outcome(Kind.NOT_MINE, null);
        public static final Outcome REFUSED = new Outcome(Kind.REFUSED, null);

        public static Outcome startedAgain(String note) {
            return new Outcome(Kind.STARTED_AGAIN, note);
        }
    }

    enum Kind {
        /** not a job this action knows: requeued as JobRunr would */
        NOT_MINE,
        /** it may not run again now (its run has not ended): 409 */
        REFUSED,
        /** something new was started instead of the job itself */
        STARTED_AGAIN
    }
}
