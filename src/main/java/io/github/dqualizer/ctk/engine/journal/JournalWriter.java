package io.github.dqualizer.ctk.engine.journal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Assembles the journal in chaoslib's key order (7.1) and masks every secret value in it. */
public final class JournalWriter {

    /** Key of this service's own journal block, appended after {@code duration} when it has content. */
    public static final String SERVICE_KEY = "dqualizer-ctk";

    private JournalWriter() {
    }

    public static Map<String, Object> write(JournalState state, Map<String, Object> experiment, Instant end,
            List<String> ignoredControls, SecretMasker masker) {
        Map<String, Object> journal = new LinkedHashMap<>();
        journal.put("chaoslib-version", EngineInfo.CHAOSLIB_VERSION);
        journal.put("platform", EngineInfo.PLATFORM);
        journal.put("node", EngineInfo.NODE);
        journal.put("experiment", new LinkedHashMap<>(experiment));
        journal.put("start", Timestamps.format(state.started()));
        journal.put("status", state.status());
        journal.put("deviated", state.deviated());
        Map<String, Object> steadyStates = new LinkedHashMap<>();
        steadyStates.put("before", state.before());
        steadyStates.put("after", state.after());
        steadyStates.put("during", copy(state.during()));
        journal.put("steady_states", steadyStates);
        journal.put("run", copy(state.run()));
        journal.put("rollbacks", copy(state.rollbacks()));
        journal.put("end", Timestamps.format(end));
        journal.put("duration", Timestamps.seconds(state.started(), end));
        Map<String, Object> service = new LinkedHashMap<>();
        if (!ignoredControls.isEmpty()) {
            service.put("ignored_controls", ignoredControls);
        }
        if (!state.errors().isEmpty()) {
            service.put("errors", copy(state.errors()));
        }
        if (!service.isEmpty()) {
            journal.put(SERVICE_KEY, service);
        }
        return masker.maskMap(journal);
    }

    private static <T> List<T> copy(List<T> list) {
        synchronized (list) {
            return new ArrayList<>(list);
        }
    }
}
