package io.github.dqualizer.ctk.jobs;

import io.github.dqualizer.ctk.engine.SteadyStates;
import io.github.dqualizer.ctk.jobs.store.RunStatus;
import java.util.List;
import java.util.Map;

/**
 * How a finished run shows as a JobRunr job, so the dashboard's counters and filters tell the truth:
 * {@code completed} is SUCCEEDED (a deviation is said in the job's log, not hidden), {@code failed},
 * {@code aborted} and {@code interrupted} are FAILED with the reason as the failure message. Only what
 * the masked journal and the service's own reasons say is used: names and statuses, never outputs.
 */
final class JobStateMapping {

    private static final int MAX_DETAIL = 300;

    private JobStateMapping() {
    }

    /** What a run's job should end as. */
    record JobState(boolean failed, String message) {

        static JobState succeeded(String note) {
            return new JobState(false, note);
        }

        static JobState failed(String message) {
            return new JobState(true, message);
        }
    }

    /**
     * @param reason  the run's own status reason (cancellation, recovery, engine defect), or null
     * @param journal the run's masked journal, or null when it has none
     */
    static JobState of(RunStatus status, Boolean deviated, String reason, Map<String, Object> journal) {
        return switch (status) {
            case COMPLETED -> JobState.succeeded(Boolean.TRUE.equals(deviated) ? deviation(journal) : null);
            case FAILED -> JobState.failed("Run failed: " + orElse(reason, failedActivity(journal)));
            case ABORTED -> JobState.failed("Run aborted: " + orElse(reason, firstError(journal)));
            case INTERRUPTED -> JobState.failed("Run interrupted: " + orElse(reason,
                    "cancelled, or the service stopped, before it ended"));
            case QUEUED, RUNNING -> JobState.succeeded(null); // not finished here (recovered elsewhere): nothing to say
        };
    }

    /** Names the probe that missed its tolerance: after the method, else during it (continuous hypothesis). */
    static String deviation(Map<String, Object> journal) {
        Map<?, ?> steadyStates = map(journal == null ? null : journal.get("steady_states"));
        String probe = SteadyStates.missedProbe(map(steadyStates.get("after")));
        if (probe != null) {
            return "Deviated: probe '" + probe + "' missed its tolerance after the method";
        }
        if (steadyStates.get("during") instanceof List<?> during) {
            for (Object state : during) {
                probe = SteadyStates.missedProbe(map(state));
                if (probe != null) {
                    return "Deviated: probe '" + probe + "' missed its tolerance during the method";
                }
            }
        }
        return "Deviated: the steady-state hypothesis was not met after the method";
    }

    private static String failedActivity(Map<String, Object> journal) {
        Map<?, ?> steadyStates = map(journal == null ? null : journal.get("steady_states"));
        String name = failedIn(map(steadyStates.get("before")).get("probes"));
        if (name != null) {
            return "probe '" + name + "' of the steady-state hypothesis failed before the method";
        }
        name = failedIn(journal == null ? null : journal.get("run"));
        if (name != null) {
            return "activity '" + name + "' of the method failed";
        }
        name = failedIn(map(steadyStates.get("after")).get("probes"));
        if (name != null) {
            return "probe '" + name + "' of the steady-state hypothesis failed after the method";
        }
        return "an activity failed";
    }

    private static String firstError(Map<String, Object> journal) {
        Map<?, ?> service = map(journal == null ? null : journal.get("dqualizer-ctk"));
        if (service.get("errors") instanceof List<?> errors && !errors.isEmpty()) {
            return shortened(String.valueOf(errors.get(0)));
        }
        return "the run stopped on an error";
    }

    private static String failedIn(Object records) {
        if (records instanceof List<?> list) {
            for (Object record : list) {
                Map<?, ?> r = map(record);
                if ("failed".equals(r.get("status"))) {
                    return shortened(String.valueOf(map(r.get("activity")).get("name")));
                }
            }
        }
        return null;
    }

    private static String orElse(String reason, String fallback) {
        return reason == null || reason.isBlank() ? fallback : shortened(reason);
    }

    private static String shortened(String text) {
        String oneLine = text.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= MAX_DETAIL ? oneLine : oneLine.substring(0, MAX_DETAIL - 1) + "…";
    }

    private static Map<?, ?> map(Object value) {
        return value instanceof Map<?, ?> m ? m : Map.of();
    }
}
