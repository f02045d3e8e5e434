package io.github.dqualizer.ctk.schedules;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

interface ScheduleRepository extends JpaRepository<Schedule, String> {

    List<Schedule> findByOwnerOrderBySeqDesc(String owner);

    List<Schedule> findAllByOrderBySeqDesc();

    Optional<Schedule> findByIdAndOwner(String id, String owner);

    boolean existsByOwnerAndName(String owner, String name);

    /**
     * Records a firing as the schedule's latest, only if no other firing came in between (its previous run is
     * still {@code previousRunId}) and the schedule is not paused; 0 otherwise.
     */
    @Transactional
    @Modifying
    @Query(nativeQuery = true, value = "UPDATE schedules SET last_run_id = :runId, last_fired_at = :at,"
            + " firings = firings + 1, version = version + 1"
            + " WHERE id = :id AND paused = FALSE AND COALESCE(last_run_id, '') = :previousRunId")
    int claimFiring(@Param("id") String id, @Param("previousRunId") String previousRunId, @Param("runId") String runId,
                    @Param("at") Instant at);

    @Transactional
    @Modifying
    @Query(nativeQuery = true, value = "UPDATE schedules SET skipped_firings = skipped_firings + 1,"
            + " last_skipped_at = :at, version = version + 1 WHERE id = :id")
    int recordSkipped(@Param("id") String id, @Param("at") Instant at);

    /**
     * Deletes the row whatever its version: a firing bumps the version between the caller's read and the delete,
     * which made a JPA delete fail with an optimistic-lock error (answered 503).
     */
    @Transactional
    @Modifying
    @Query(nativeQuery = true, value = "DELETE FROM schedules WHERE id = :id")
    int deleteRow(@Param("id") String id);

    /** Pauses or resumes whatever the version, for the same reason as {@link #deleteRow}; 1 when it changed. */
    @Transactional
    @Modifying
    @Query(nativeQuery = true, value = "UPDATE schedules SET paused = :paused, version = version + 1"
            + " WHERE id = :id AND paused <> :paused")
    int setPaused(@Param("id") String id, @Param("paused") boolean paused);
}
