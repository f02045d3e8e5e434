package io.github.dqualizer.ctk.jobs.store;

import java.util.Locale;

/** Life cycle of a run; the last four are the CTK journal statuses. */
public enum RunStatus {
    QUEUED, RUNNING, COMPLETED, FAILED, ABORTED, INTERRUPTED;

    public boolean terminal() {
        return this != QUEUED && this != RUNNING;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Maps a journal status; anything unknown is treated as aborted so it is never mistaken for success. */
    public static RunStatus fromJournal(Object journalStatus) {
        if (journalStatus instanceof String s) {
            for (RunStatus status : values()) {
                if (status.terminal() && status.wireName().equals(s)) {
                    return status;
                }
            }
        }
        return ABORTED;
    }
}
