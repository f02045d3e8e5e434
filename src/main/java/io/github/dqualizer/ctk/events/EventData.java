package io.github.dqualizer.ctk.events;

import io.github.dqualizer.ctk.engine.ActivityPhase;
import io.github.dqualizer.ctk.engine.SteadyStates;
import io.github.dqualizer.ctk.jobs.store.RunStatus;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Builds the fields of each event from (masked) engine records, keeping only names, statuses and durations. */
final class EventData {

    private static final int MAX_NAME = 200;

    private EventData() {
    }

    static String phase(ActivityPhase phase) {
        return phase.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static Map<String, Object> run(String runId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("run_id", runId);
        return data;
    }

    static Map<String, Object> activityStarted(String phase, Map<?, ?> activity) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("name", name(activity));
        data.put("type", text(activity == null ? null : activity.get("type")));
        data.put("phase", phase);
        return data;
    }

    /** A record without {@code status} was cut by an interruption or a crash: it is reported as {@code error}. */
    static Map<String, Object> activityFinished(String phase, Map<?, ?> record) {
        Map<?, ?> activity = record.get("activity") instanceof Map<?, ?> a ? a : Map.of();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("name", name(activity));
        data.put("type", text(activity.get("type")));
        data.put("phase", phase);
        data.put("status", record.get("status") instanceof String s ? s : "error");
        data.put("duration", record.get("duration") instanceof Number n ? n.doubleValue() : null);
        return data;
    }

    static Map<String, Object> hypothesis(String phase, Map<?, ?> state) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("phase", phase);
        data.put("steady_state_met", state.get("steady_state_met") instanceof Boolean b ? b : null);
        String missed = SteadyStates.missedProbe(state);
        if (missed != null) {
            data.put("missed_probe", shortened(missed)); // the probe out of tolerance (or failed): a deviation's cause
        }
        return data;
    }

    static Map<String, Object> runFinished(RunStatus status, Boolean deviated) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("status", status.wireName());
        data.put("deviated", Boolean.TRUE.equals(deviated));
        return data;
    }

    private static String name(Map<?, ?> activity) {
        return shortened(text(activity == null ? null : activity.get("name")));
    }

    private static String shortened(String name) {
        return name != null && name.length() > MAX_NAME ? name.substring(0, MAX_NAME - 1) + "…" : name;
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }
}
