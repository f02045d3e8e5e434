package io.github.dqualizer.ctk.events;

import java.util.Map;

/**
 * One event of a run's stream.
 *
 * @param id   position in this instance's history of the run (1, 2, …); journal replays number from 1 too
 * @param name the SSE event name, one of the constants here
 * @param data the event's fields (names, statuses, durations — never arguments or outputs)
 */
public record RunEvent(long id, String name, Map<String, Object> data) {

    public static final String RUN_QUEUED = "run-queued";
    public static final String RUN_STARTED = "run-started";
    public static final String ACTIVITY_STARTED = "activity-started";
    public static final String ACTIVITY_FINISHED = "activity-finished";
    public static final String HYPOTHESIS = "hypothesis";
    public static final String RUN_FINISHED = "run-finished";
}
