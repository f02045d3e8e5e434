package io.github.dqualizer.ctk.schedules;

import java.util.Map;

/**
 * A new schedule as its owner asks for it.
 *
 * @param name        shown in JobRunr's Recurring Jobs tab; unique per owner
 * @param experiment  the CTK experiment each firing runs (already validated by the caller)
 * @param cron        a cron expression, or null
 * @param interval    an ISO-8601 duration, or null
 * @param callbackUrl already checked against the outbound policy, or null
 * @param host        the host every firing's run must execute on (already checked live by the caller), or null
 */
public record ScheduleRequest(String name, Map<String, Object> experiment, String cron, String interval,
                              String callbackUrl, String host) {
}
