package io.github.dqualizer.ctk.schedules;

import io.github.dqualizer.ctk.jobs.store.StoredExperiment;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jobrunr.scheduling.JobScheduler;
import org.jobrunr.storage.StorageProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import static org.jobrunr.scheduling.RecurringJobBuilder.aRecurringJob;

/**
 * Creates, lists, pauses, resumes and deletes schedules, keeping each schedule's row and its JobRunr recurring
 * job (same id, the schedule's name) in step. A paused schedule has no recurring job. Blocking (JDBC).
 */
@Component
public class Schedules {

    static final int MAX_NAME = 200;
    private static final Logger log = LoggerFactory.getLogger(Schedules.class);

    private final ScheduleRepository schedules;
    private final StoredExperiment storage;
    private final JobScheduler jobs;
    private final StorageProvider jobStorage;
    private final Clock clock;
    private final Duration poll;

    Schedules(ScheduleRepository schedules, StoredExperiment storage, JobScheduler jobs, StorageProvider jobStorage,
              Clock clock, @Value("${jobrunr.background-job-server.poll-interval-in-seconds}") int pollSeconds) {
        this.schedules = schedules;
        this.storage = storage;
        this.jobs = jobs;
        this.jobStorage = jobStorage;
        this.clock = clock;
        this.poll = Duration.ofSeconds(pollSeconds);
    }

    public ScheduleView create(String owner, ScheduleRequest request) {
        String name = request.name() == null ? "" : request.name().strip();
        if (name.isEmpty() || name.length() > MAX_NAME) {
            throw ScheduleException.invalid("name must be 1 to " + MAX_NAME + " characters.");
        }
        ScheduleTiming timing = ScheduleTiming.of(request.cron(), request.interval(), jobStorage, poll);
        if (schedules.existsByOwnerAndName(owner, name)) {
            throw ScheduleException.conflict("You already have a schedule named '" + name + "'.");
        }
        String id = UUID.randomUUID().toString();
        Schedule schedule = new Schedule(id, owner, name, timing,
                storage.maskedDocument(request.experiment()), storage.encryptedScheduleSecrets(request.experiment(), id),
                request.callbackUrl(), clock.instant());
        schedule.pinTo(request.host());
        schedules.saveAndFlush(schedule);
        try {
            schedule(schedule);
        } catch (RuntimeException e) {
            schedules.delete(schedule); // no row without its recurring job
            throw e;
        }
        log.info("Schedule {} ({}) created by {}: {}", schedule.id(), name, owner, timing.cron() != null
                ? "cron " + timing.cron() : "every " + timing.interval());
        return view(schedule);
    }

    /** The caller's schedules, or every schedule for an operator; newest first. */
    public List<ScheduleView> list(String caller, boolean operator) {
        return (operator ? schedules.findAllByOrderBySeqDesc() : schedules.findByOwnerOrderBySeqDesc(caller))
                .stream().map(this::view).toList();
    }

    public ScheduleView get(String caller, boolean operator, String id) {
        return view(visible(caller, operator, id));
    }

    public void delete(String caller, boolean operator, String id) {
        Schedule schedule = visible(caller, operator, id);
        jobs.deleteRecurringJob(id);
        schedules.deleteRow(id);
        log.info("Schedule {} ({}) deleted by {}", id, schedule.name(), caller);
    }

    public ScheduleView pause(String caller, boolean operator, String id) {
        Schedule schedule = visible(caller, operator, id);
        if (schedules.setPaused(id, true) == 1) {
            jobs.deleteRecurringJob(id);
            log.info("Schedule {} ({}) paused by {}", id, schedule.name(), caller);
        }
        return view(schedules.findById(id).orElseThrow(() -> ScheduleException.notFound(id)));
    }

    public ScheduleView resume(String caller, boolean operator, String id) {
        Schedule schedule = visible(caller, operator, id);
        if (schedules.setPaused(id, false) == 1) {
            schedule = schedules.findById(id).orElseThrow(() -> ScheduleException.notFound(id));
            schedule(schedule);
            log.info("Schedule {} ({}) resumed by {}", id, schedule.name(), caller);
        }
        return view(schedules.findById(id).orElseThrow(() -> ScheduleException.notFound(id)));
    }

    private void schedule(Schedule schedule) {
        String id = schedule.id();
        jobs.createRecurrently(schedule.timing().applyTo(aRecurringJob()
                .withId(id)
                .withName(schedule.name())
                .withAmountOfRetries(0) // a failed firing is not fired again; the next one comes on time
                .withDetails((ScheduleFiring firing) -> firing.fire(id))));
    }

    private Schedule visible(String caller, boolean operator, String id) {
        Optional<Schedule> schedule = operator ? schedules.findById(id) : schedules.findByIdAndOwner(id, caller);
        return schedule.orElseThrow(() -> ScheduleException.notFound(id));
    }

    private ScheduleView view(Schedule s) {
        ScheduleTiming timing = s.timing();
        return new ScheduleView(s.id(), s.name(), s.owner(), timing.cron(), timing.interval(), s.callbackUrl(),
                s.paused(), s.createdAt(), s.lastRunId(), s.lastFiredAt(), s.firings(), s.skippedFirings(),
                s.lastSkippedAt(), s.host());
    }
}
