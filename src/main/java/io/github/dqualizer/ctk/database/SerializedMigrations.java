package io.github.dqualizer.ctk.database;

import org.flywaydb.core.Flyway;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.stereotype.Component;

/**
 * Runs Flyway's migration under the {@link SchemaLock}. Flyway's own lock covers only the migration after its history
 * table exists: two instances that both saw no history table both tried to create (or, with
 * {@code baseline-on-migrate}, baseline) it, and the second failed its start ("Unable to baseline schema history table
 * … already exists, and is empty"; FleetProcessesMySqlTest, three JVMs started together). The second now waits and
 * finds the schema migrated.
 */
@Component
class SerializedMigrations implements FlywayMigrationStrategy {

    @Override
    public void migrate(Flyway flyway) {
        SchemaLock.holding(flyway.getConfiguration().getDataSource(), flyway::migrate);
    }
}
