package io.github.dqualizer.ctk.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.dqualizer.ctk.support.Experiments;
import io.github.dqualizer.ctk.support.ServiceInstance;
import io.github.dqualizer.ctk.support.TestUsers;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A queued run starts without waiting for JobRunr's poll: with a 60 s poll interval the run
 * still ends within seconds, which only the {@link JobStartNudger} makes possible. (Latency
 * figures come from the benchmark harness, docs/benchmarks.md, not from this test.)
 */
class InstantJobStartTest {

    @Test
    void runWhenQueuedOnAnIdleServerThenStartsBeforeTheNextPoll() {
        try (ServiceInstance service = ServiceInstance.start(Map.of(
                "spring.datasource.url", "jdbc:h2:mem:instant-start;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
                "jobrunr.background-job-server.poll-interval-in-seconds", "60"))) {
            TestUsers.ensure(service.bean(DataSource.class));
            // let the server's own first poll pass, so only a nudge can pick the job up
            await().pollDelay(Duration.ofSeconds(2)).until(() -> true);

            String runId = (String) service.submit(Experiments.trivial()).get("run_id");

            await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                    assertThat(service.run(runId)).containsEntry("status", "completed"));
        }
    }
}
