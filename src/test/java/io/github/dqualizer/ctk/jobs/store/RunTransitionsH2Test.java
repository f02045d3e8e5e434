package io.github.dqualizer.ctk.jobs.store;

import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** A run's start and end on the embedded default database (H2 in MySQL mode, in memory). */
class RunTransitionsH2Test extends RunTransitionsContract {

    @Override
    DataSource dataSource() {
        return new DriverManagerDataSource("jdbc:h2:mem:ctk-run-transitions;MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
                + "CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1", "sa", "");
    }
}
