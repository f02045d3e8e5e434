package io.github.dqualizer.ctk.jobs.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.dqualizer.ctk.support.EnabledIfMySqlConfigured;
import io.github.dqualizer.ctk.support.MySqlTestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jobrunr.storage.StorageProvider;
import org.jobrunr.utils.mapper.jackson3.Jackson3JsonMapper;
import org.junit.jupiter.api.Test;

/**
 * Instances that touch a host's JobRunr table set for the first time at the same moment, each with its own pool as
 * separate processes would have, on an empty MariaDB database: all get a working storage and each of JobRunr's
 * migrations ran once. Three service JVMs started together once failed one start without the schema lock around
 * JobRunr's table creation ("Can't DROP INDEX jobrunr_job_updated_at_idx", FleetProcessesMySqlTest); inside one JVM
 * the race did not show in 15 rounds of 8 creators without the lock, so this is a guard of the locked path, and
 * FleetProcessesMySqlTest (three JVMs started at once) is the test of the race itself.
 */
@EnabledIfMySqlConfigured
class HostJobTablesCreatedTogetherMySqlTest {

    private static final int INSTANCES = 4;

    @Test
    void createWhenSeveralInstancesCreateAHostsTablesAtOnceThenAllSucceedAndEachMigrationRunsOnce() throws Exception {
        String url = MySqlTestDatabase.privateUrl("hosttables");
        String host = "created-together";
        List<HikariDataSource> pools = new ArrayList<>();
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<StorageProvider>> creations = new ArrayList<>();
            for (int i = 0; i < INSTANCES; i++) {
                HikariDataSource pool = pool(url);
                pools.add(pool);
                HostJobTables tables = new HostJobTables(pool, new Jackson3JsonMapper(), null, "");
                creations.add(CompletableFuture.supplyAsync(() -> {
                    awaitQuietly(go);
                    return tables.storage(host);
                }));
            }
            go.countDown();
            List<StorageProvider> storages = new ArrayList<>();
            for (CompletableFuture<StorageProvider> creation : creations) {
                storages.add(creation.get(120, TimeUnit.SECONDS));
            }

            String prefix = new HostJobTables(pools.get(0), new Jackson3JsonMapper(), null, "").prefix(host);
            for (StorageProvider storage : storages) {
                assertThat(storage.countJobs(org.jobrunr.jobs.states.StateName.ENQUEUED)).isZero();
            }
            try (Connection connection = pools.get(0).getConnection(); Statement statement = connection.createStatement();
                 ResultSet duplicates = statement.executeQuery("SELECT COUNT(*) - COUNT(DISTINCT script) FROM "
                         + prefix + "jobrunr_migrations")) {
                assertThat(duplicates.next()).isTrue();
                assertThat(duplicates.getLong(1)).as("migrations run more than once").isZero();
            }
            storages.forEach(StorageProvider::close);
        } finally {
            pools.forEach(HikariDataSource::close);
        }
    }

    private static HikariDataSource pool(String url) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(MySqlTestDatabase.username());
        config.setPassword(MySqlTestDatabase.password());
        config.setMaximumPoolSize(3);
        return new HikariDataSource(config);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
