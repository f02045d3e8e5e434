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

/** An accepted run is never lost: queued on one instance that stops, it runs after the restart. */
abstract class RunSurvivesRestartContract {

    abstract Map<String, String> database();

    @Test
    void runWhenServiceRestartsBeforeItStartedThenItRunsAfterTheRestart() {
        String runId;
        Map<String, String> noWorkers = new HashMap<>(database());
        noWorkers.put("jobrunr.background-job-server.enabled", "false");
        try (ServiceInstance first = ServiceInstance.start(noWorkers)) {
            TestUsers.ensure(first.bean(DataSource.class));
            runId = (String) first.submit(Experiments.withSteadyState("survives a restart")).get("run_id");
            assertThat(first.run(runId)).containsEntry("status", "queued");
        }

        try (ServiceInstance second = ServiceInstance.start(database())) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(second.run(runId)).containsEntry("status", "completed"));
        }
    }
}
