package io.github.dqualizer.ctk.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.github.dqualizer.ctk.support.EnabledIfMySqlConfigured;
import io.github.dqualizer.ctk.support.MySqlTestDatabase;
import io.github.dqualizer.ctk.support.ServiceInstance;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The default pool on MariaDB: few connections kept while idle, the whole maximum when the load needs it. */
@EnabledIfMySqlConfigured
class ConnectionPoolMySqlTest {

    @Test
    void keepsFourIdleConnectionsAndOpensUpToTwentyFourWhenTheyAreNeeded() throws Exception {
        try (ServiceInstance service = ServiceInstance.start(MySqlTestDatabase.datasourceProperties())) {
            HikariDataSource pool = (HikariDataSource) service.bean(DataSource.class);
            assertThat(pool.getMinimumIdle()).isEqualTo(4);
            assertThat(pool.getMaximumPoolSize()).isEqualTo(24);

            List<Connection> held = new ArrayList<>();
            try {
                for (int i = 0; i < 24; i++) {
                    held.add(pool.getConnection());
                }
                assertThat(pool.getHikariPoolMXBean().getTotalConnections()).isEqualTo(24);
                assertThat(held).allSatisfy(connection -> assertThat(connection.isValid(1)).isTrue());
            } finally {
                for (Connection connection : held) {
                    connection.close();
                }
            }
        }
    }
}
