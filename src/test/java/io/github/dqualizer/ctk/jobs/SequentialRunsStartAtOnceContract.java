package io.github.dqualizer.ctk.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.dqualizer.ctk.support.Experiments;
import io.github.dqualizer.ctk.support.ServiceInstance;
import io.github.dqualizer.ctk.support.TestUsers;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Each run is submitted in wait mode right after the previous one ended, which is when the worker that
 * ran it asks JobRunr for more work. A nudge arriving during that fetch used to be swallowed (JobRunr
 * only tries its lock), and a fetch that had read the queue just before the new job was committed left
 * the run waiting for JobRunr's poll — 60 s here, so such a run answers 202 after its 10 s timeout.
 */
abstract class SequentialRunsStartAtOnceContract {

    abstract Map<String, String> database();

    @Test
    void runsWhenEachIsSubmittedAsThePreviousEndsThenNoneWaitsForThePoll() {
        Map<String, String> properties = new HashMap<>(database());
        properties.put("jobrunr.background-job-server.poll-interval-in-seconds", "60");
        try (ServiceInstance service = ServiceInstance.start(properties)) {
            TestUsers.ensure(service.bean(DataSource.class));
            // let the server's own first poll pass, so only nudges can pick the jobs up
            await().pollDelay(Duration.ofSeconds(2)).until(() -> true);

            for (int i = 0; i < 300; i++) {
                assertThat(service.submitAndWait(Experiments.trivial(), 10)).as("run %d", i).containsEntry("status_code", 200);
            }
        }
    }
}
