package io.github.dqualizer.ctk.api;

import io.github.dqualizer.ctk.support.EnabledIfMySqlConfigured;
import io.github.dqualizer.ctk.support.MySqlTestDatabase;
import org.springframework.boot.test.context.SpringBootTest;

/** The API contract on a real MySQL-compatible server (MariaDB in CI, MySQL 8.4 in docker-compose). */
@EnabledIfMySqlConfigured
// the properties of ScheduleMySqlTest: one application context on the MySQL server for both
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ctk.dashboard.enabled=false",
        // ScheduleMySqlTest's properties too, so both share one application context
        "jobrunr.background-job-server.poll-interval-in-seconds=5",
        "ctk.secrets.key-file=target/test-secrets.key",
        MySqlTestDatabase.URL_PROPERTY,
        MySqlTestDatabase.USERNAME_PROPERTY,
        MySqlTestDatabase.PASSWORD_PROPERTY})
class ExecuteExperimentMySqlTest extends ExecuteExperimentContract {
}
