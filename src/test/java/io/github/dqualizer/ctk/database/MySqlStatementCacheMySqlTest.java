package io.github.dqualizer.ctk.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.mysql.cj.conf.PropertyKey;
import com.mysql.cj.jdbc.JdbcConnection;
import io.github.dqualizer.ctk.support.EnabledIfMySqlConfigured;
import io.github.dqualizer.ctk.support.MySqlTestDatabase;
import io.github.dqualizer.ctk.support.ServiceInstance;
import java.sql.Connection;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@EnabledIfMySqlConfigured
class MySqlStatementCacheMySqlTest {

    @Test
    void serviceOnMySqlThenTheDriverCachesParsedStatements() throws Exception {
        try (ServiceInstance service = ServiceInstance.start(MySqlTestDatabase.datasourceProperties());
             Connection connection = service.bean(DataSource.class).getConnection()) {
            JdbcConnection driver = connection.unwrap(JdbcConnection.class);

            assertThat(driver.getPropertySet().getBooleanProperty(PropertyKey.cachePrepStmts).getValue()).isTrue();
            assertThat(driver.getPropertySet().getIntegerProperty(PropertyKey.prepStmtCacheSqlLimit).getValue()).isEqualTo(4096);
        }
    }

}
