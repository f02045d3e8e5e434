package io.github.dqualizer.ctk.schedules;

import io.github.dqualizer.ctk.experiment.ExperimentValidator;
import io.github.dqualizer.ctk.experiment.ValidationProblem;
import io.github.dqualizer.ctk.jobs.RunOrigin;
import io.github.dqualizer.ctk.jobs.store.RunQueries;
import io.github.dqualizer.ctk.jobs.store.RunStatus;
import io.github.dqualizer.ctk.jobs.RunSubmitter;
import io.github.dqualizer.ctk.jobs.store.StoredExperiment;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The JobRunr recurring job of a schedule: one firing submits one normal run, owned by the schedule's owner,
 * through the same {@link RunSubmitter} as the API. The experiment is validated again first (an executable or
 * environment variable may be gone since); an invalid one ends the firing as an aborted run that says why.
 * While the previous run of the schedule is queued or running, the firing is skipped and counted instead.
 */
@Component
public class ScheduleFiring {

    private static final Logger log = LoggerFactory.getLogger(ScheduleFiring.class);
    private static final int MAX_PROBLEMS = 900;

    private final ScheduleRepository schedules;
    private final RunQueries runs;
    private final RunSubmitter submitter;
    private final StoredExperiment storage;
    private final ExperimentValidator validator;
    private final Clock clock;

    ScheduleFiring(ScheduleRepository schedules, RunQueries runs, RunSubmitter submitter, StoredExperiment storage,
                   ExperimentValidator validator, Clock clock) {
        this.schedules = schedules;
        this.runs = runs;
        this.submitter = submitter;
        this.storage = storage;
        this.validator = validator;
        this.clock = clock;
    }

    public void fire(String scheduleId) {
        Schedule schedule = schedules.findById(scheduleId).orElse(null);
        if (schedule == null || schedule.paused()) {
            log.info("Schedule {} {}: firing ignored", scheduleId, schedule == null ? "no longer exists" : "is paused");
            return;
        }
        Instant now = clock.instant();
        String runId = previousRunActive(schedule) ? null : claim(schedule, now);
        if (runId == null) {
            return;
        }
        RunOrigin origin = RunOrigin.schedule(scheduleId, schedule.callbackUrl(), schedule.host());
        Map<String, Object> experiment;
        try {
            experiment = storage.scheduled(schedule.experimentJson(), schedule.secretsCipher(), scheduleId);
        } catch (IllegalStateException undecryptable) { // e.g. its key was dropped from ctk.secrets.retired-keys
            log.warn("Schedule {} ({}) fired run {}, but its secrets cannot be decrypted: {}", scheduleId,
                    schedule.name(), runId, undecryptable.getMessage());
            Map<String, Object> withoutSecrets = storage.scheduled(schedule.experimentJson(), null, scheduleId);
            withoutSecrets.remove("secrets");
            submitter.reject(runId, schedule.owner(), withoutSecrets, origin, "The schedule's secrets cannot be "
                    + "decrypted: " + undecryptable.getMessage());
            return;
        }
        List<ValidationProblem> problems = validator.validate(experiment);
        if (!problems.isEmpty()) {
            log.warn("Schedule {} ({}) fired run {}, but its experiment is no longer valid", scheduleId, schedule.name(), runId);
            submitter.reject(runId, schedule.owner(), experiment, origin, "The schedule's experiment is no longer valid: "
                    + describe(problems));
            return;
        }
        submitter.submit(runId, schedule.owner(), experiment, origin);
        log.info("Schedule {} ({}) fired run {}", scheduleId, schedule.name(), runId);
    }

    private boolean previousRunActive(Schedule schedule) {
        String previous = schedule.lastRunId();
        RunStatus status = previous == null ? null : runs.any(previous).map(run -> run.status()).orElse(null);
        if (status != null && !status.terminal()) {
            schedules.recordSkipped(schedule.id(), clock.instant());
            log.warn("Schedule {} ({}) skipped a firing: its previous run {} is still {}", schedule.id(), schedule.name(),
                    previous, status.wireName());
            return true;
        }
        return false;
    }

    /** The id of this firing's run, or null when another firing or a pause came first. */
    private String claim(Schedule schedule, Instant now) {
        String runId = submitter.newRunId();
        String previous = schedule.lastRunId() == null ? "" : schedule.lastRunId();
        if (schedules.claimFiring(schedule.id(), previous, runId, now) == 1) {
            return runId;
        }
        // paused meanwhile, or another firing (the dashboard's "trigger now") came first
        schedules.recordSkipped(schedule.id(), now);
        log.warn("Schedule {} ({}) skipped a firing: another firing or a pause came first", schedule.id(), schedule.name());
        return null;
    }

    /** experiment_runs.status_reason holds 1024 characters. */
    private static String describe(List<ValidationProblem> problems) {
        String all = problems.stream()
                .map(p -> p.location() == null || p.location().isEmpty() ? p.message() : p.location() + ": " + p.message())
                .collect(Collectors.joining("; "));
        return all.length() <= MAX_PROBLEMS ? all : all.substring(0, MAX_PROBLEMS - 1) + "…";
    }
}
