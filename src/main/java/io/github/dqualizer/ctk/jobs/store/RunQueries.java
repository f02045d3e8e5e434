package io.github.dqualizer.ctk.jobs.store;

import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/** Read access to runs, scoped to their owner unless asked for all (operators). Blocking (JDBC). */
@Component
public class RunQueries {

    private final ExperimentRunRepository runs;

    RunQueries(ExperimentRunRepository runs) {
        this.runs = runs;
    }

    public Optional<ExperimentRun> ownedBy(String runId, String owner) {
        return runs.findByIdAndOwner(runId, owner);
    }

    public Optional<ExperimentRun> any(String runId) {
        return runs.findById(runId);
    }

    public Page<ExperimentRun> listAll(int page, int size) {
        return runs.findAllByOrderBySeqDesc(PageRequest.of(page, size));
    }

    /** Runs accepted but not started yet, on every instance. */
    public long countQueued() {
        return runs.countByStatus(RunStatus.QUEUED);
    }

    public Page<ExperimentRun> listOwnedBy(String owner, int page, int size) {
        return runs.findByOwnerOrderBySeqDesc(owner, PageRequest.of(page, size));
    }
}
