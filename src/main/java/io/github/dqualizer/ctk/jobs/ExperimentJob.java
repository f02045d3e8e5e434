package io.github.dqualizer.ctk.jobs;

import io.github.dqualizer.ctk.engine.DryMode;
import io.github.dqualizer.ctk.engine.ExperimentRunner;
import io.github.dqualizer.ctk.engine.RunOptions;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The JobRunr job: loads a run by id, executes it with the CTK engine and stores journal and status. */
@Component
public class ExperimentJob {

    private static final Logger log = LoggerFactory.getLogger(ExperimentJob.class);

    private final ExperimentRunRepository runs;
    private final StoredExperiment storage;
    private final ExperimentRunner runner;
    private final RunCompletionNotifier notifier;
    private final JsonMapper json;
    private final InstanceIdentity instance;
    private final Clock clock;

    ExperimentJob(ExperimentRunRepository runs, StoredExperiment storage, ExperimentRunner runner,
                  RunCompletionNotifier notifier, JsonMapper json, InstanceIdentity instance, Clock clock) {
        this.runs = runs;
        this.storage = storage;
        this.runner = runner;
        this.notifier = notifier;
        this.json = json;
        this.instance = instance;
        this.clock = clock;
    }

    /** Enqueued with zero retries by {@link RunSubmitter}: re-running chaos from the start is never safe. */
    public void execute(String runId) {
        ExperimentRun run = runs.findById(runId).orElse(null);
        if (run == null || run.status() != RunStatus.QUEUED) {
            log.warn("Run {} is not queued ({}); not starting it again", runId, run == null ? "missing" : run.status());
            return;
        }
        run.start(instance.name(), clock.instant());
        run = runs.saveAndFlush(run);
        log.info("Run {} started: {}", runId, run.title());
        Map<String, Object> journal;
        try {
            journal = runner.run(storage.forExecution(run), new RunOptions(runId, DryMode.parse(run.dryMode())));
        } catch (RuntimeException e) {
            // the engine answers every failure with a journal; this guards against its own defects
            log.error("Run {} could not be executed", runId, e);
            finish(run, null, "The run could not be executed: " + e.getClass().getSimpleName());
            return;
        }
        finish(run, journal, null);
    }

    private void finish(ExperimentRun run, Map<String, Object> journal, String reason) {
        RunStatus status = journal == null ? RunStatus.ABORTED : RunStatus.fromJournal(journal.get("status"));
        Boolean deviated = journal != null && journal.get("deviated") instanceof Boolean b ? b : Boolean.FALSE;
        run.finish(status, deviated, journal == null ? null : json.writeValueAsString(journal), reason, clock.instant());
        ExperimentRun saved = runs.saveAndFlush(run);
        log.info("Run {} ended: {} (deviated: {})", run.id(), status.wireName(), deviated);
        notifier.completed(RunOutcome.of(saved));
    }
}
