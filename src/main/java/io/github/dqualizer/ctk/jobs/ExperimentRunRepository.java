package io.github.dqualizer.ctk.jobs;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ExperimentRunRepository extends JpaRepository<ExperimentRun, String> {

    Optional<ExperimentRun> findByIdAndOwner(String id, String owner);

    Page<ExperimentRun> findByOwnerOrderBySeqDesc(String owner, Pageable pageable);

    Page<ExperimentRun> findAllByOrderBySeqDesc(Pageable pageable);

    List<ExperimentRun> findByStatusIn(List<RunStatus> statuses);

    List<ExperimentRun> findByNodeAndStatusAndCancelRequestedTrue(String node, RunStatus status);

    List<ExperimentRun> findByStatus(RunStatus status);

    long countByStatus(RunStatus status);
}
