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

    /**
     * Each run is submitted right after the previous one ended, which is when the worker that ran it asks
     * JobRunr for more work: a nudge arriving during that fetch used to be swallowed, and a fetch that had
     * read the queue just before the new job was committed left it waiting for the poll (60 s here).
     */
    @Test
    void runsWhenEachIsSubmittedAsThePreviousEndsThenNoneWaitsForThePoll() {
        try (ServiceInstance service = ServiceInstance.start(Map.of(
                "spring.datasource.url", "jdbc:h2:mem:instant-start-sequential;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
                "jobrunr.background-job-server.poll-interval-in-seconds", "60"))) {
            TestUsers.ensure(service.bean(DataSource.class));
            await().pollDelay(Duration.ofSeconds(2)).until(() -> true);

            for (int i = 0; i < 200; i++) {
                assertThat(service.submitAndWait(Experiments.trivial(), 10)).as("run %d", i).containsEntry("status_code", 200);
            }
        }
    }

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
