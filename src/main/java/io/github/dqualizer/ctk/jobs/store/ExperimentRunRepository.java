package io.github.dqualizer.ctk.jobs.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

public interface ExperimentRunRepository extends JpaRepository<ExperimentRun, String> {

    Optional<ExperimentRun> findByIdAndOwner(String id, String owner);

    Page<ExperimentRun> findByOwnerOrderBySeqDesc(String owner, Pageable pageable);

    Page<ExperimentRun> findAllByOrderBySeqDesc(Pageable pageable);

    List<ExperimentRun> findByStatusIn(List<RunStatus> statuses);

    /**
     * The cancellation watcher's look, every 500 ms while runs execute here. JPQL rather than a derived query: Spring
     * Data builds a derived query as a criteria query, which Hibernate translates anew on every call (not cached).
     */
    @Query("SELECT r FROM ExperimentRun r WHERE r.node = :node AND r.status = :status AND r.cancelRequested = true")
    List<ExperimentRun> findByNodeAndStatusAndCancelRequestedTrue(@Param("node") String node, @Param("status") RunStatus status);

    /** Crash recovery's look every 10 s, idle or not: JPQL, whose translation Hibernate caches (see above). */
    @Query("SELECT r FROM ExperimentRun r WHERE r.status = :status")
    List<ExperimentRun> findByStatus(@Param("status") RunStatus status);

    long countByStatus(RunStatus status);

    /** The ids among {@code ids} of runs in one of {@code statuses}: one small read for many awaited runs. */
    @Query("SELECT r.id FROM ExperimentRun r WHERE r.id IN :ids AND r.status IN :statuses")
    List<String> findIdsByIdInAndStatusIn(@Param("ids") List<String> ids, @Param("statuses") List<RunStatus> statuses);

    /**
     * Claims a run left running (by a dead instance, or on this one after an unexpected error) for {@code node} to
     * play its rollbacks; 0 when it changed since it was read at {@code version} (ended, cancelled, claimed elsewhere).
     */
    @Transactional
    @Modifying
    @Query(nativeQuery = true, value = "UPDATE experiment_runs SET node = :node, status_reason = :reason,"
            + " version = version + 1 WHERE id = :id AND status = 'RUNNING' AND version = :version")
    int claimForRecovery(@Param("id") String id, @Param("version") long version, @Param("node") String node,
                         @Param("reason") String reason);

    /** Ends a queued run that will never start; 0 when it changed since it was read at {@code version}. */
    @Transactional
    @Modifying
    @Query(nativeQuery = true, value = "UPDATE experiment_runs SET status = 'INTERRUPTED', status_reason = :reason,"
            + " ended_at = :at, version = version + 1 WHERE id = :id AND status = 'QUEUED' AND version = :version")
    int endQueued(@Param("id") String id, @Param("version") long version, @Param("reason") String reason,
                  @Param("at") Instant at);
}
