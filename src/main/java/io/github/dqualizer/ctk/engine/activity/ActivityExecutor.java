package io.github.dqualizer.ctk.engine.activity;

import io.github.dqualizer.ctk.engine.ActivityPhase;
import io.github.dqualizer.ctk.engine.DryMode;
import io.github.dqualizer.ctk.engine.journal.ExceptionLines;
import io.github.dqualizer.ctk.engine.journal.Timestamps;
import io.github.dqualizer.ctk.engine.run.RunSession;
import io.github.dqualizer.ctk.providers.ActivityFailedException;
import io.github.dqualizer.ctk.pyvalues.PythonError;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * chaoslib's {@code execute_activity} (3.7): ref resolution, pauses, dry, the run record and error mapping.
 * {@code ActivityFailed} fails the record; interruption and crashes leave it without {@code status} and propagate.
 */
public final class ActivityExecutor {

    private final RunSession session;
    private final ProviderInvoker providers;

    public ActivityExecutor(RunSession session, ProviderInvoker providers) {
        this.session = session;
        this.providers = providers;
    }

    /** Resolves a {@code ref} entry; a missing one is a crash for the caller. */
    public Map<String, Object> resolve(Map<?, ?> entry) {
        if (entry.get("ref") == null) {
            return cast(entry);
        }
        return session.index().find(entry.get("ref")).orElseThrow(() -> new PythonError(
                "chaoslib.exceptions.ActivityFailed", "could not find referenced activity '" + entry.get("ref") + "'"));
    }

    /**
     * Runs one activity; the record is appended to {@code sink} when it starts.
     *
     * @throws RunInterruptedException when the run was cancelled meanwhile
     * @throws PythonError             on a crash-class error
     */
    public Map<String, Object> execute(Map<?, ?> entry, ActivityPhase phase, List<Map<String, Object>> sink) {
        return execute(entry, phase, sink, () -> { });
    }

    /**
     * As {@link #execute(Map, ActivityPhase, List)}; {@code started} runs once the record is in {@code sink}, or
     * when the activity begins its before-pause (then it really starts later than what follows it).
     */
    public Map<String, Object> execute(Map<?, ?> entry, ActivityPhase phase, List<Map<String, Object>> sink,
            Runnable started) {
        checkInterrupted();
        Map<String, Object> activity = resolve(entry);
        Map<String, Object> record = null;
        try {
            session.controls().before("activity", activity);
            record = run(activity, phase, sink, started);
            return record;
        } finally {
            // chaoslib's after-activity controls get the run record, or nothing when the activity did not end normally
            session.controls().after("activity", activity, record);
        }
    }

    private Map<String, Object> run(Map<String, Object> activity, ActivityPhase phase, List<Map<String, Object>> sink,
            Runnable started) {
        // chaoslib: dry = activity.get("dry", dry); a JSON value never equals its internal enum, so an activity with
        // its own dry key runs for real (pauses included) even in a dry run
        DryMode mode = activity.containsKey("dry") ? null : session.dry();
        boolean dry = mode != null && mode.skips(String.valueOf(activity.get("type")));
        boolean pauses = !dry && mode != DryMode.PAUSE;
        if (pauses) {
            if (Pauses.has(activity, "before")) {
                started.run();
            }
            Pauses.pause(activity, "before", session.scope().substitutor());
        }
        Instant start = Timestamps.now();
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("activity", new LinkedHashMap<>(activity));
        record.put("output", null);
        record.put("start", Timestamps.format(start));
        sink.add(record);
        started.run();
        session.listeners().activityStarted(phase, activity);
        RuntimeException escaping = null;
        try {
            Object output = dry ? null : providers.run(activity, session.scope(), session.context());
            record.put("output", output);
            record.put("status", "succeeded");
        } catch (ActivityFailedException e) {
            record.put("status", "failed");
            record.put("exception", e.exceptionLines() != null ? e.exceptionLines()
                    : ExceptionLines.activityFailed(e.getMessage()));
        } catch (InterruptedException e) {
            escaping = new RunInterruptedException("interrupted while running activity '" + activity.get("name") + "'");
        } catch (PythonError e) {
            record.put("exception", ExceptionLines.of(e.pythonType(), e.getMessage()));
            escaping = e;
        } catch (RuntimeException e) {
            PythonError crash = new PythonError(e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
            record.put("exception", ExceptionLines.of(crash.pythonType(), crash.getMessage()));
            escaping = crash;
        }
        Instant end = Timestamps.now();
        record.put("end", Timestamps.format(end));
        record.put("duration", Timestamps.seconds(start, end));
        session.listeners().activityFinished(phase, record);
        if (escaping != null) {
            throw escaping;
        }
        if (pauses) {
            Pauses.pause(activity, "after", session.scope().substitutor());
        }
        return record;
    }

    /** Marks a record cut by a crash found after it ran (tolerance evaluation). */
    public static void markCrash(Map<String, Object> record, PythonError error) {
        record.remove("status");
        record.put("exception", ExceptionLines.of(error.pythonType(), error.getMessage()));
    }

    static void checkInterrupted() {
        if (Thread.currentThread().isInterrupted()) {
            throw new RunInterruptedException("the run was interrupted");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }
}
