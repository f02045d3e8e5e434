package io.github.dqualizer.ctk.schedules;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import org.jobrunr.scheduling.RecurringJobBuilder;
import org.jobrunr.scheduling.Schedule;
import org.jobrunr.scheduling.cron.CronExpression;
import org.jobrunr.scheduling.cron.InvalidCronExpressionException;
import org.jobrunr.scheduling.interval.Interval;
import org.jobrunr.storage.StorageProvider;

/**
 * When a schedule fires: a cron expression (5 fields, or 6 with seconds first) or an ISO-8601 interval
 * ({@code PT20S}), exactly one of them. Two firings must be at least one job server poll apart: JobRunr plans a
 * recurring job's firings one poll ahead and enqueues them at its next poll, so firings closer together than the poll
 * would start in bunches (JobRunr's own check knows only its smallest poll, 5 s).
 */
record ScheduleTiming(String cron, String interval) {

    /**
     * Throws {@link ScheduleException} with the reason when the timing cannot be scheduled.
     *
     * @param poll the job servers' poll interval ({@code jobrunr.background-job-server.poll-interval-in-seconds})
     */
    static ScheduleTiming of(String cron, String interval, StorageProvider storage, Duration poll) {
        boolean hasCron = cron != null && !cron.isBlank();
        boolean hasInterval = interval != null && !interval.isBlank();
        if (hasCron == hasInterval) {
            throw ScheduleException.invalid("give exactly one of cron (e.g. \"*/5 * * * *\") or interval (ISO-8601, e.g. \"PT10S\").");
        }
        ScheduleTiming timing = hasCron ? new ScheduleTiming(cron.trim(), null) : new ScheduleTiming(null, interval.trim());
        Schedule schedule = timing.jobRunrSchedule();
        String field = hasCron ? "cron" : "interval";
        Duration between = schedule.durationBetweenSchedules();
        try {
            storage.validateRecurringJobInterval(between);
        } catch (IllegalArgumentException tooOften) {
            throw ScheduleException.invalid(field + " fires too often: " + tooOften.getMessage());
        }
        if (between.compareTo(poll) < 0) {
            throw ScheduleException.invalid(field + " fires too often: the smallest supported duration between two "
                    + "firings is " + poll.toSeconds() + " seconds, the job servers' poll interval "
                    + "(jobrunr.background-job-server.poll-interval-in-seconds).");
        }
        return timing;
    }

    Schedule jobRunrSchedule() {
        try {
            return cron != null ? new CronExpression(cron) : new Interval(interval);
        } catch (InvalidCronExpressionException e) {
            throw ScheduleException.invalid("cron is not a valid cron expression: " + e.getMessage());
        } catch (DateTimeParseException e) {
            throw ScheduleException.invalid("interval is not an ISO-8601 duration such as \"PT10S\" or \"PT1H\".");
        } catch (IllegalArgumentException e) {
            throw ScheduleException.invalid((cron != null ? "cron" : "interval") + " is not valid: " + e.getMessage());
        }
    }

    RecurringJobBuilder applyTo(RecurringJobBuilder job) {
        return cron != null ? job.withCron(cron) : job.withInterval(Duration.parse(interval));
    }
}
