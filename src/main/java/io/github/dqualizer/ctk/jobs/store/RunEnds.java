package io.github.dqualizer.ctk.jobs.store;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Calendar;
import java.util.TimeZone;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Stores the end of a run in one auto-committed UPDATE. Every run's end passes here and a wait-mode answer waits for
 * it; as a repository method in a JPA transaction of its own it was four round trips to the database
 * ({@code SET autocommit=0}, the UPDATE, {@code COMMIT}, {@code SET autocommit=1}) for one statement
 * (docs/benchmarks.md, issue 18). The end time binds as Hibernate binds the entity's times (in UTC,
 * {@code hibernate.jdbc.time_zone}), so the row reads the same whichever code wrote it.
 */
@Component
public class RunEnds {

    private static final String END = "UPDATE experiment_runs SET status = ?, deviated = ?, journal_json = ?,"
            + " status_reason = ?, ended_at = ?, version = version + 1 WHERE id = ? AND node = ? AND status = 'RUNNING'";
    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

    private final JdbcTemplate jdbc;

    RunEnds(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores the end of a run that {@code node} is executing; 0 when the run is no longer that node's running run
     * (recovered by another instance). A cancellation request does not stand in its way. Bumps the version, so a
     * concurrent merge elsewhere notices.
     */
    public int markEnded(String id, String node, RunStatus status, Boolean deviated, String journal, String reason,
                         Instant at) {
        return jdbc.update(END, statement -> {
            statement.setString(1, status.name());
            if (deviated == null) {
                statement.setNull(2, Types.BOOLEAN);
            } else {
                statement.setBoolean(2, deviated);
            }
            statement.setString(3, journal);
            statement.setString(4, reason);
            statement.setTimestamp(5, Timestamp.from(at), Calendar.getInstance(UTC)); // a calendar per call: it is mutable
            statement.setString(6, id);
            statement.setString(7, node);
        });
    }
}
