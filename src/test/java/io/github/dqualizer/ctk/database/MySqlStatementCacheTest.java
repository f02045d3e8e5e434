package io.github.dqualizer.ctk.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

class MySqlStatementCacheTest {

    @Test
    void settingGivenInTheUrlThenKeptAndOnlyTheOthersAdded() {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl("jdbc:mysql://db:3306/authentication?prepStmtCacheSize=25");

        new MySqlStatementCache().postProcessAfterInitialization(dataSource, "dataSource");

        assertThat(dataSource.getDataSourceProperties()).containsEntry("cachePrepStmts", "true")
                .containsEntry("prepStmtCacheSqlLimit", "4096").doesNotContainKey("prepStmtCacheSize");
    }

    @Test
    void embeddedH2ThenNothingAdded() {
        // H2 refuses connection settings it does not know; every H2 test would fail to connect
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl("jdbc:h2:mem:x;MODE=MySQL");

        new MySqlStatementCache().postProcessAfterInitialization(dataSource, "dataSource");

        assertThat(dataSource.getDataSourceProperties()).isEmpty();
    }
}
