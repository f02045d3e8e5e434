package io.github.dqualizer.ctk.jobs.store;

import io.github.dqualizer.ctk.support.EnabledIfMySqlConfigured;
import io.github.dqualizer.ctk.support.MySqlTestDatabase;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** A run's start and end on a real MySQL-compatible server. */
@EnabledIfMySqlConfigured
class RunTransitionsMySqlTest extends RunTransitionsContract {

    @Override
    DataSource dataSource() {
        return new DriverManagerDataSource(MySqlTestDatabase.url(), MySqlTestDatabase.username(), MySqlTestDatabase.password());
    }
}
