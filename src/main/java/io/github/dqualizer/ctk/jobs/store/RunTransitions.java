package io.github.dqualizer.ctk.jobs.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Calendar;
import java.util.TimeZone;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A run's start by a worker and its end, each one auto-committed conditional UPDATE. Every run passes here, and a
 * wait-mode answer waits for the end; as repository methods in JPA transactions of their own each was four round
 * trips to the database ({@code SET autocommit=0}, the UPDATE, {@code COMMIT}, {@code SET autocommit=1}) for one
 * statement (docs/benchmarks.md, issue 18). Both bump the version, so a concurrent merge elsewhere (cancel, recovery)
 * notices. Times bind as Hibernate binds the entity's (in UTC, {@code hibernate.jdbc.time_zone}), so a row reads
 * the same whichever code wrote it.
 */
@Component
public class RunTransitions {

    private static final String START = "UPDATE experiment_runs SET status = 'RUNNING', node = ?, host = ?,"
            + " started_at = ?, version = version + 1 WHERE id = ? AND status = 'QUEUED'";
    private static final String END = "UPDATE experiment_runs SET status = ?, deviated = ?, journal_json = ?,"
            + " status_reason = ?, ended_at = ?, version = version + 1 WHERE id = ? AND node = ? AND status = 'RUNNING'";
    private static final String REQUEUE = "UPDATE experiment_runs SET status = 'QUEUED', node = NULL, started_at = NULL,"
            + " version = version + 1 WHERE id = ? AND node = ? AND status = 'RUNNING'";
    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

    private final JdbcTemplate jdbc;

    RunTransitions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims a queued run for {@code node} on {@code host}; 0 when it is no longer queued (cancelled, recovered or
     * already started), so a run never starts twice.
     */
    public int markStarted(String id, String node, String host, Instant at) {
        return jdbc.update(START, statement -> {
            statement.setString(1, node);
            statement.setString(2, host);
            bindUtc(statement, 3, at);
            statement.setString(4, id);
        });
    }

    /**
     * Gives back {@code node}'s claim of a run that no worker started (stored claimed for a local worker whose pool
     * stopped before the hand-over): queued again, as if it had never been claimed; 0 when it is no longer that
     * node's running run (cancelled or recovered meanwhile).
     */
    public int markRequeued(String id, String node) {
        return jdbc.update(REQUEUE, id, node);
    }

    /**
     * Stores the end of a run that {@code node} is executing; 0 when the run is no longer that node's running run
     * (recovered by another instance). A cancellation request does not stand in its way.
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
            bindUtc(statement, 5, at);
            statement.setString(6, id);
            statement.setString(7, node);
        });
    }

    private static void bindUtc(PreparedStatement statement, int index, Instant at) throws SQLException {
        statement.setTimestamp(index, Timestamp.from(at), Calendar.getInstance(UTC)); // a calendar per call: it is mutable
    }
}
