package io.github.dqualizer.ctk.schedules;

import org.springframework.boot.test.context.SpringBootTest;

/** Schedules on the embedded default database (H2, in memory for isolation). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:ctk-schedules;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
        "ctk.dashboard.enabled=false",
        // schedules may fire every 5 s only with JobRunr's smallest poll (the default, 15 s, makes that their minimum)
        "jobrunr.background-job-server.poll-interval-in-seconds=5",
        "ctk.secrets.key-file=target/test-secrets.key"})
class ScheduleH2Test extends ScheduleContract {
}
