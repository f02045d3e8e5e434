package io.github.dqualizer.ctk.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * A MySQL named lock held around a schema change, so instances of a fleet that start at once on an empty database
 * change it one after the other: our Flyway migrations ({@link SerializedMigrations}) and JobRunr's table creation
 * (the shared tables and each host's table set). Neither tool serializes its first run across processes: two Flyway
 * instances that saw no history table both created it, and two JobRunr instances both ran the same table migration
 * ("Can't DROP INDEX jobrunr_job_updated_at_idx"). Other databases (H2, one process only) change it directly.
 */
public final class SchemaLock {

    private static final String NAME = "ctk_schema_migration";
    /** Seconds to wait for another instance's change; longer than any migration of this schema. */
    private static final int WAIT_SECONDS = 600;

    private SchemaLock() {
    }

    /** Runs {@code change} while holding the lock on a MySQL-compatible database, directly on any other. */
    public static <T> T holding(DataSource dataSource, Supplier<T> change) {
        // the product is read on a connection of its own, given back before the change takes its own: a pool of two
        // (RunBatchWriterLimitsTest) had none left for Flyway while this one was held
        if (!mySql(dataSource)) {
            return change.get();
        }
        try (Connection lockHolder = dataSource.getConnection()) {
            if (!namedLock(lockHolder, "SELECT GET_LOCK(?, " + WAIT_SECONDS + ")")) {
                throw new IllegalStateException("another instance held the schema migration lock for " + WAIT_SECONDS + " s");
            }
            try {
                return change.get();
            } finally {
                namedLock(lockHolder, "SELECT RELEASE_LOCK(?)");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot take the schema migration lock: " + e.getMessage(), e);
        }
    }

    private static boolean mySql(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            return product.contains("mysql") || product.contains("mariadb");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the database to migrate its schema: " + e.getMessage(), e);
        }
    }

    private static boolean namedLock(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, NAME);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getInt(1) == 1;
            }
        }
    }
}
