package io.github.dqualizer.ctk.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dqualizer.ctk.support.EnabledIfMySqlConfigured;
import io.github.dqualizer.ctk.support.MySqlTestDatabase;
import io.github.dqualizer.ctk.support.ServiceInstance;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Code that commits on its own (as JobRunr's storage does) takes part in the service's JPA transaction through the
 * bound view: its writes are that transaction's, its commit does not end it, and a rollback takes them back. The
 * service's own transaction manager and connection pool on MySQL (MariaDB here).
 */
@EnabledIfMySqlConfigured
class TransactionBoundDataSourceMySqlTest {

    private static ServiceInstance service;
    private static JdbcTemplate jdbc;
    private static TransactionTemplate transaction;
    private static TransactionBoundDataSource bound;

    @BeforeAll
    static void start() {
        Map<String, String> properties = new HashMap<>(MySqlTestDatabase.datasourceProperties());
        properties.put("jobrunr.background-job-server.enabled", "false");
        service = ServiceInstance.start(properties);
        DataSource dataSource = service.bean(DataSource.class);
        jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("CREATE TABLE IF NOT EXISTS bound_view_test (id VARCHAR(36) PRIMARY KEY)");
        transaction = new TransactionTemplate(service.bean(PlatformTransactionManager.class));
        bound = new TransactionBoundDataSource(dataSource);
    }

    @AfterAll
    static void stop() {
        jdbc.execute("DROP TABLE IF EXISTS bound_view_test");
        service.close();
    }

    @Test
    void writesThatCommitOnTheirOwnAreTakenBackWithTheTransaction() {
        String inTransaction = UUID.randomUUID().toString();
        String own = UUID.randomUUID().toString();

        transaction.executeWithoutResult(status -> {
            jdbc.update("INSERT INTO bound_view_test (id) VALUES (?)", inTransaction);
            insertAndCommitOnItsOwn(own);
            assertThat(count(own)).as("the transaction sees the other code's write").isEqualTo(1);
            status.setRollbackOnly();
        });

        assertThat(count(inTransaction)).isZero();
        assertThat(count(own)).as("its own commit did not end the transaction").isZero();
    }

    @Test
    void writesThatCommitOnTheirOwnAreCommittedWithTheTransaction() {
        String own = UUID.randomUUID().toString();

        transaction.executeWithoutResult(status -> insertAndCommitOnItsOwn(own));

        assertThat(count(own)).isEqualTo(1);
    }

    @Test
    void outsideATransactionItHandsOutOrdinaryConnections() throws Exception {
        String own = UUID.randomUUID().toString();

        insertAndCommitOnItsOwn(own);

        assertThat(count(own)).isEqualTo(1);
    }

    /** As JobRunr's storage writes: its own auto-commit switch, commit and close. */
    private static void insertAndCommitOnItsOwn(String id) {
        try (Connection connection = bound.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO bound_view_test (id) VALUES (?)")) {
                insert.setString(1, id);
                insert.executeUpdate();
            }
            connection.commit();
            connection.setAutoCommit(autoCommit);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int count(String id) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM bound_view_test WHERE id = ?", Integer.class, id);
    }
}
