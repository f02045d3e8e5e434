package io.github.dqualizer.ctk.jobs;

import org.springframework.dao.DataAccessResourceFailureException;

/**
 * A submission this instance did not store (shutting down, too many waiting, no room in time): answered 503 with
 * this message, which says what happened and is safe to show.
 */
public class SubmissionNotStoredException extends DataAccessResourceFailureException {

    public SubmissionNotStoredException(String message) {
        super(message);
    }
}
