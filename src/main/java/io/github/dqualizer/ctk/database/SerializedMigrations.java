package io.github.dqualizer.ctk.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.stereotype.Component;

/**
 * Runs Flyway's migration under a MySQL named lock, so instances of a fleet that start at once on an empty database
 * migrate one after the other. Flyway's own lock covers only the migration after its history table exists: two
 * instances that both saw no history table both tried to create (or, with {@code baseline-on-migrate}, baseline) it,
 * and the second failed its start ("Unable to baseline schema history table … already exists, and is empty";
 * FleetProcessesMySqlTest, three JVMs started together). The second now waits and finds the schema migrated.
 * Other databases (H2, the embedded default) migrate as before.
 */
@Component
class SerializedMigrations implements FlywayMigrationStrategy {

    static final String LOCK = "ctk_schema_migration";
    /** Seconds to wait for another instance's migration; longer than any migration of this schema. */
    private static final int WAIT_SECONDS = 600;

    @Override
    public void migrate(Flyway flyway) {
        DataSource dataSource = flyway.getConfiguration().getDataSource();
        // the product is read on a connection of its own, given back before Flyway takes its own: a pool of two
        // (RunBatchWriterLimitsTest) had none left for Flyway while this one was held
        if (!mySql(dataSource)) {
            flyway.migrate();
            return;
        }
        try (Connection lockHolder = dataSource.getConnection()) {
            if (!namedLock(lockHolder, "SELECT GET_LOCK(?, " + WAIT_SECONDS + ")")) {
                throw new IllegalStateException("another instance held the schema migration lock for "
                        + WAIT_SECONDS + " s");
            }
            try {
                flyway.migrate();
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
            statement.setString(1, LOCK);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getInt(1) == 1;
            }
        }
    }
}
