package io.github.dqualizer.ctk.events;

import io.github.dqualizer.ctk.jobs.store.StoredRun;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Derives a run's events from its stored journal, for runs this instance did not watch: activity records of
 * the steady states, method and rollbacks in the order of their timestamps, then {@code run-finished}.
 */
@Component
class JournalEvents {

    private final JsonMapper json;

    JournalEvents(JsonMapper json) {
        this.json = json;
    }

    /** The whole history of an ended run, numbered from 1. */
    List<RunEvent> of(StoredRun run) {
        List<Timed> events = new ArrayList<>();
        if (run.journalJson() != null) {
            Map<?, ?> journal = json.readValue(run.journalJson(), Map.class);
            if (journal.get("steady_states") instanceof Map<?, ?> states) {
                state(events, "hypothesis-before", states.get("before"));
                if (states.get("during") instanceof List<?> during) {
                    during.forEach(state -> state(events, "hypothesis-during", state));
                }
                state(events, "hypothesis-after", states.get("after"));
            }
            records(events, "method", journal.get("run"));
            records(events, "rollback", journal.get("rollbacks"));
        }
        events.sort(Comparator.comparing(Timed::at, Comparator.nullsLast(Comparator.naturalOrder())));
        List<RunEvent> history = new ArrayList<>();
        history.add(new RunEvent(1, RunEvent.RUN_QUEUED, EventData.run(run.id())));
        if (run.startedAt() != null) {
            history.add(new RunEvent(2, RunEvent.RUN_STARTED, EventData.run(run.id())));
        }
        for (Timed event : events) {
            history.add(new RunEvent(history.size() + 1, event.name(), event.data()));
        }
        history.add(new RunEvent(history.size() + 1, RunEvent.RUN_FINISHED, EventData.runFinished(run.status(), run.deviated())));
        return history;
    }

    private static void state(List<Timed> events, String phase, Object state) {
        if (!(state instanceof Map<?, ?> map)) {
            return;
        }
        Instant last = records(events, phase, map.get("probes"));
        if (map.get("steady_state_met") instanceof Boolean) {
            events.add(new Timed(last, RunEvent.HYPOTHESIS, EventData.hypothesis(phase, map)));
        }
    }

    /** Adds a started and a finished event per record; answers when the last one ended. */
    private static Instant records(List<Timed> events, String phase, Object records) {
        Instant last = null;
        if (records instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> record) {
                    Instant start = instant(record.get("start"));
                    Instant end = instant(record.get("end"));
                    events.add(new Timed(start, RunEvent.ACTIVITY_STARTED,
                            EventData.activityStarted(phase, record.get("activity") instanceof Map<?, ?> a ? a : Map.of())));
                    events.add(new Timed(end == null ? start : end, RunEvent.ACTIVITY_FINISHED,
                            EventData.activityFinished(phase, record)));
                    last = end == null ? start : end;
                }
            }
        }
        return last;
    }

    private static Instant instant(Object timestamp) {
        if (timestamp instanceof String text) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return null;
    }

    /** An event with the time it happened, for ordering (the sort is stable, so ties keep their phase order). */
    private record Timed(Instant at, String name, Map<String, Object> data) {
    }
}
