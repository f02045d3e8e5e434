package io.github.dqualizer.ctk.jobs.cluster;

import io.github.dqualizer.ctk.jobs.completion.RunCompletionNotifier;
import io.github.dqualizer.ctk.jobs.store.ExperimentRunRepository;
import io.github.dqualizer.ctk.jobs.store.RunOutcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import io.github.dqualizer.ctk.jobs.fleet.HostJobTables;
import java.util.ArrayList;
import java.util.List;
import org.jobrunr.scheduling.JobScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reconciles queued runs with their JobRunr jobs, as a JobRunr recurring job (so one instance of the cluster runs it
 * at a time, and JobRunr skips a turn while the last one still runs). A queued run whose job is gone or over will never
 * start: its job was deleted in the dashboard, failed before it could claim the run (the database was unreachable),
 * or was never committed (a run stored by an earlier version, whose submission committed run and job apart and
 * crashed in between; runs and jobs now share one transaction). Such a run is ended
 * {@code interrupted} with the reason, by one conditional UPDATE at the version read, so a run that started, was
 * cancelled or was reconciled elsewhere meanwhile is left alone. It never started, so there are no rollbacks to play.
 * <p>
 * Every {@code ctk.jobs.reconciliation-interval} (1 min): such runs only wait (no fault is injected), so a minute is
 * prompt enough, and a turn costs one indexed query (queued runs joined with their jobs by primary key) and one
 * JobRunr job row — next to nothing on an idle instance.
 */
@Component
public class RunReconciliation {

    static final String RECURRING_JOB_ID = "ctk-run-reconciliation";
    /** A submission commits its job seconds after its run at most (pool timeout 5 s, three lock-conflict retries). */
    static final Duration MISSING_JOB_GRACE = Duration.ofMinutes(1);

    private static final Logger log = LoggerFactory.getLogger(RunReconciliation.class);

    private final ExperimentRunRepository runs;
    private final JdbcTemplate jdbc;
    private final JobScheduler scheduler;
    private final RunCompletionNotifier notifier;
    private final Clock clock;
    private final Duration interval;
    private final HostJobTables tables;

    RunReconciliation(ExperimentRunRepository runs, JdbcTemplate jdbc, JobScheduler scheduler,
                      RunCompletionNotifier notifier, Clock clock,
                      @Value("${ctk.jobs.reconciliation-interval:1m}") Duration interval, HostJobTables tables) {
        this.runs = runs;
        this.jdbc = jdbc;
        this.scheduler = scheduler;
        this.notifier = notifier;
        this.clock = clock;
        this.interval = interval;
        this.tables = tables;
    }

    /** Every instance registers it (same id, so one recurring job); the last start sets the interval. */
    @EventListener(ApplicationReadyEvent.class)
    void register() {
        try {
            scheduler.<RunReconciliation>scheduleRecurrently(RECURRING_JOB_ID, interval, RunReconciliation::reconcile);
        } catch (RuntimeException e) {
            log.warn("Cannot register the run reconciliation now ({}); another instance's registration or the next start does", e.toString());
        }
    }

    /** The recurring job. Public for JobRunr. */
    public void reconcile() {
        List<Candidate> candidates = new ArrayList<>(candidates(null));
        // a pinned run's job is in its host's table set (docs/adr/0008-fleet-routing.md)
        for (String host : jdbc.queryForList("SELECT DISTINCT pinned_host FROM experiment_runs WHERE status = 'QUEUED'"
                + " AND pinned_host IS NOT NULL", String.class)) {
            tables.scheduler(host); // creates the host's tables if no instance did yet
            candidates.addAll(candidates(host));
        }
        Instant now = clock.instant();
        for (Candidate candidate : candidates) {
            if (candidate.jobState() == null && !missingLongEnough(candidate.runId(), now)) {
                continue; // its submission may be between its two commits
            }
            end(candidate, now);
        }
    }

    private List<Candidate> candidates(String pinnedHost) {
        return jdbc.query("SELECT r.id, r.version, j.state FROM experiment_runs r LEFT JOIN "
                        + tables.jobsTable(pinnedHost) + " j ON j.id = r.id WHERE r.status = 'QUEUED' AND "
                        + (pinnedHost == null ? "r.pinned_host IS NULL" : "r.pinned_host = ?")
                        + " AND (j.id IS NULL OR j.state IN ('SUCCEEDED', 'FAILED', 'DELETED'))",
                (row, i) -> new Candidate(row.getString(1), row.getLong(2), row.getString(3)),
                pinnedHost == null ? new Object[0] : new Object[] {pinnedHost});
    }

    private boolean missingLongEnough(String runId, Instant now) {
        return runs.findById(runId).map(run -> run.submittedAt().plus(MISSING_JOB_GRACE).isBefore(now)).orElse(false);
    }

    private void end(Candidate candidate, Instant now) {
        String reason = switch (candidate.jobState() == null ? "MISSING" : candidate.jobState()) {
            case "DELETED" -> "Its JobRunr job was deleted (in the dashboard?) before it started";
            case "FAILED" -> "Its JobRunr job failed before it could start the run (database unreachable?)";
            case "SUCCEEDED" -> "Its JobRunr job ended without starting it";
            default -> "Its JobRunr job does not exist (lost between the two commits of its submission, or removed)";
        } + "; it never started and was ended by the run reconciliation.";
        if (runs.endQueued(candidate.runId(), candidate.version(), reason, now) != 1) {
            return; // started, cancelled or reconciled elsewhere since it was read
        }
        log.warn("Run {} was queued without a job that could start it: {}", candidate.runId(), reason);
        runs.findById(candidate.runId()).ifPresent(run -> notifier.completed(RunOutcome.of(run)));
    }

    private record Candidate(String runId, long version, String jobState) {
    }
}
