package io.github.dqualizer.ctk.schedules;

import io.github.dqualizer.ctk.support.EnabledIfMySqlConfigured;
import io.github.dqualizer.ctk.support.MySqlTestDatabase;
import org.springframework.boot.test.context.SpringBootTest;

/** Schedules on a real MySQL-compatible server: JobRunr's recurring jobs in its MySQL storage. */
@EnabledIfMySqlConfigured
// the properties of ExecuteExperimentMySqlTest: one application context on the MySQL server for both
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ctk.dashboard.enabled=false",
        // schedules may fire every 5 s only with JobRunr's smallest poll (the default, 15 s, makes that their minimum)
        "jobrunr.background-job-server.poll-interval-in-seconds=5",
        "ctk.secrets.key-file=target/test-secrets.key",
        MySqlTestDatabase.URL_PROPERTY,
        MySqlTestDatabase.USERNAME_PROPERTY,
        MySqlTestDatabase.PASSWORD_PROPERTY})
class ScheduleMySqlTest extends ScheduleContract {
}
