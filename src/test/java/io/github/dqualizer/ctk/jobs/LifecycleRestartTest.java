package io.github.dqualizer.ctk.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.dqualizer.ctk.jobs.cluster.InstanceIdentity;
import io.github.dqualizer.ctk.support.Experiments;
import io.github.dqualizer.ctk.support.ExternalService;
import io.github.dqualizer.ctk.support.ServiceInstance;
import io.github.dqualizer.ctk.support.TestUsers;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A context that is stopped and started again (Spring's test context cache pauses idle contexts this way)
 * takes runs again: stopping pauses the job servers so no new run starts during shutdown, starting resumes them,
 * the host table set's one included (it stayed paused, and runs pinned to the host stayed queued).
 */
class LifecycleRestartTest {

    @Test
    void runWhenContextWasStoppedAndStartedThenItIsExecuted() {
        try (ServiceInstance service = ServiceInstance.start(Map.of(
                "spring.datasource.url", "jdbc:h2:mem:lifecycle-restart;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1"))) {
            TestUsers.ensure(service.bean(DataSource.class));

            service.stopAndStart();
            String runId = (String) service.submit(Experiments.trivial()).get("run_id");
            String host = service.bean(InstanceIdentity.class).host();
            ExternalService.Response pinned = service.submit("host=" + host, Experiments.trivial());
            assertThat(pinned.statusCode()).as("%s", pinned.body()).isEqualTo(202);
            String pinnedRunId = (String) pinned.body().get("run_id");

            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
                assertThat(service.run(runId)).containsEntry("status", "completed");
                assertThat(service.run(pinnedRunId)).as("pinned to this host").containsEntry("status", "completed");
            });
        }
    }
}
