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
 * ({@code PT10S}), exactly one of them; JobRunr's own rules decide what is valid, including its minimum
 * time between two firings.
 */
record ScheduleTiming(String cron, String interval) {

    /** Throws {@link ScheduleException} with JobRunr's reason when the timing cannot be scheduled. */
    static ScheduleTiming of(String cron, String interval, StorageProvider storage) {
        boolean hasCron = cron != null && !cron.isBlank();
        boolean hasInterval = interval != null && !interval.isBlank();
        if (hasCron == hasInterval) {
            throw ScheduleException.invalid("give exactly one of cron (e.g. \"*/5 * * * *\") or interval (ISO-8601, e.g. \"PT10S\").");
        }
        ScheduleTiming timing = hasCron ? new ScheduleTiming(cron.trim(), null) : new ScheduleTiming(null, interval.trim());
        Schedule schedule = timing.jobRunrSchedule();
        try {
            storage.validateRecurringJobInterval(schedule.durationBetweenSchedules());
        } catch (IllegalArgumentException tooOften) {
            throw ScheduleException.invalid((hasCron ? "cron" : "interval") + " fires too often: " + tooOften.getMessage());
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
