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
        Map<String, Object> journal = runner.run(storage.forExecution(run),
                new RunOptions(runId, DryMode.parse(run.dryMode())));
        finish(run, journal);
    }

    private void finish(ExperimentRun run, Map<String, Object> journal) {
        RunStatus status = RunStatus.fromJournal(journal.get("status"));
        Boolean deviated = journal.get("deviated") instanceof Boolean b ? b : Boolean.FALSE;
        run.finish(status, deviated, json.writeValueAsString(journal), null, clock.instant());
        ExperimentRun saved = runs.saveAndFlush(run);
        log.info("Run {} ended: {} (deviated: {})", run.id(), status.wireName(), deviated);
        notifier.completed(RunOutcome.of(saved));
    }
}
