package io.github.dqualizer.ctk.jobs.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Calendar;
import java.util.Map;
import java.util.TimeZone;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A run's start and end as {@link RunTransitions} stores them, on the schema the migrations build. Its connections
 * are opened while the JVM's zone is not UTC: the times must still be stored in UTC, as Hibernate binds and reads the
 * entity's times ({@code hibernate.jdbc.time_zone=UTC}), or a run's times would disagree whenever the host is not on UTC.
 */
abstract class RunTransitionsContract {

    private static final Instant ENDED = Instant.parse("2026-01-02T03:04:05Z");

    private TimeZone zoneBefore;
    private JdbcTemplate jdbc;
    private RunTransitions transitions;
    private final String runId = UUID.randomUUID().toString();

    abstract DataSource dataSource();

    @BeforeEach
    void schemaAndARunningRun() {
        zoneBefore = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("Asia/Tokyo"));
        DataSource dataSource = dataSource();
        Flyway.configure().dataSource(dataSource).baselineOnMigrate(true).baselineVersion("0").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        transitions = new RunTransitions(jdbc);
        jdbc.update("INSERT INTO experiment_runs (id, owner, title, status, experiment_json, submitted_at, node, version)"
                + " VALUES (?, 'owner', 'ends', 'RUNNING', '{}', ?, 'node-a', 3)", runId, Timestamp.from(ENDED.minusSeconds(60)));
    }

    @AfterEach
    void restoreZone() {
        jdbc.update("DELETE FROM experiment_runs WHERE id = ?", runId);
        TimeZone.setDefault(zoneBefore);
    }

    @Test
    void startOfAQueuedRunIsStoredWithItsTimeInUtcAndOnlyOnce() {
        jdbc.update("UPDATE experiment_runs SET status = 'QUEUED', node = NULL WHERE id = ?", runId);
        Instant started = ENDED.minusSeconds(30);

        assertThat(transitions.markStarted(runId, "node-b", "host-b", started)).isEqualTo(1);
        assertThat(transitions.markStarted(runId, "node-c", "host-c", started)).as("a run that is no longer queued").isZero();

        Map<String, Object> row = jdbc.queryForMap("SELECT status, node, host, version FROM experiment_runs WHERE id = ?", runId);
        assertThat(row).containsEntry("status", "RUNNING").containsEntry("node", "node-b").containsEntry("host", "host-b");
        assertThat(((Number) row.get("version")).longValue()).isEqualTo(4);
        assertThat(utc("started_at")).isEqualTo(started);
    }

    @Test
    void endOfTheRunningRunIsStoredWithItsTimeInUtc() {
        int stored = transitions.markEnded(runId, "node-a", RunStatus.COMPLETED, true, "{\"status\": \"completed\"}",
                "the reason", ENDED);

        assertThat(stored).isEqualTo(1);
        Map<String, Object> row = jdbc.queryForMap("SELECT status, deviated, journal_json, status_reason, version"
                + " FROM experiment_runs WHERE id = ?", runId);
        assertThat(row).containsEntry("status", "COMPLETED").containsEntry("deviated", true)
                .containsEntry("journal_json", "{\"status\": \"completed\"}")
                .containsEntry("status_reason", "the reason");
        assertThat(((Number) row.get("version")).longValue()).isEqualTo(4);
        assertThat(utc("ended_at")).isEqualTo(ENDED);
    }

    /** A time column read as Hibernate reads the entity's: in UTC. */
    private Instant utc(String column) {
        return jdbc.query("SELECT " + column + " FROM experiment_runs WHERE id = ?",
                rows -> rows.next() ? rows.getTimestamp(1, Calendar.getInstance(TimeZone.getTimeZone("UTC"))).toInstant() : null,
                runId);
    }

    @Test
    void aRunThatIsNoLongerThisNodesRunningRunIsLeftAlone() {
        assertThat(transitions.markEnded(runId, "node-b", RunStatus.COMPLETED, false, "{}", null, ENDED))
                .as("another node's run (recovered elsewhere)").isZero();
        assertThat(transitions.markEnded(runId, "node-a", RunStatus.ABORTED, null, null, "no journal", ENDED)).isEqualTo(1);
        assertThat(transitions.markEnded(runId, "node-a", RunStatus.COMPLETED, false, "{}", null, ENDED))
                .as("an ended run").isZero();

        Map<String, Object> row = jdbc.queryForMap("SELECT status, deviated, journal_json FROM experiment_runs WHERE id = ?", runId);
        assertThat(row).containsEntry("status", "ABORTED").containsEntry("deviated", null).containsEntry("journal_json", null);
    }
}
