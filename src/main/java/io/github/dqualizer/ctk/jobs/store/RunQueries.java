package io.github.dqualizer.ctk.jobs.store;

import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/**
 * Read access to runs, scoped to their owner unless asked for all (operators). Blocking (JDBC). Answers with
 * {@link StoredRun} and {@link RunPage}, never the entity or Spring Data's {@code Page}: the web layer and the
 * other modules see a read model (WebLayerBoundaryTest).
 */
@Component
public class RunQueries {

    private final ExperimentRunRepository runs;

    RunQueries(ExperimentRunRepository runs) {
        this.runs = runs;
    }

    public Optional<StoredRun> ownedBy(String runId, String owner) {
        return runs.findByIdAndOwner(runId, owner).map(StoredRun::of);
    }

    public Optional<StoredRun> any(String runId) {
        return runs.findById(runId).map(StoredRun::of);
    }

    public RunPage listAll(int page, int size) {
        return page(runs.findAllByOrderBySeqDesc(PageRequest.of(page, size)));
    }

    /** Runs accepted but not started yet, on every instance. */
    public long countQueued() {
        return runs.countByStatus(RunStatus.QUEUED);
    }

    public RunPage listOwnedBy(String owner, int page, int size) {
        return page(runs.findByOwnerOrderBySeqDesc(owner, PageRequest.of(page, size)));
    }

    private static RunPage page(Page<ExperimentRun> page) {
        return new RunPage(page.getContent().stream().map(StoredRun::of).toList(), page.getTotalElements());
    }
}
