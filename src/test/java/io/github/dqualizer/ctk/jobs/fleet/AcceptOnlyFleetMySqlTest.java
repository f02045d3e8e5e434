package io.github.dqualizer.ctk.jobs.fleet;

import static io.github.dqualizer.ctk.jobs.fleet.FleetExperiments.sleep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.github.dqualizer.ctk.engine.journal.JournalWriter;
import io.github.dqualizer.ctk.support.EnabledIfMySqlConfigured;
import io.github.dqualizer.ctk.support.ExternalService;
import io.github.dqualizer.ctk.support.MySqlTestDatabase;
import io.github.dqualizer.ctk.support.ServiceInstance;
import io.github.dqualizer.ctk.support.TestUsers;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jobrunr.server.BackgroundJobServer;
import org.junit.jupiter.api.AfterAll;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * An accept-only instance ({@code jobrunr.background-job-server.enabled=false}) in a fleet on one MariaDB database:
 * it accepts and routes runs, never executes one, and is no live host (issue 15, docs/operations.md "Fleet").
 */
@EnabledIfMySqlConfigured
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AcceptOnlyFleetMySqlTest {

    /** A database of this class's own: other classes' job servers on the fork's database would take its runs. */
    private static String database;

    private final String suffix = UUID.randomUUID().toString().substring(0, 6);
    private final String executingHost = "exec-" + suffix;
    private final String acceptOnlyHost = "accept-" + suffix;
    private ServiceInstance executing;
    private ServiceInstance acceptOnly;

    @BeforeAll
    void start() {
        database = MySqlTestDatabase.privateUrl("acceptonly");
        executing = ServiceInstance.start(properties(executingHost, true));
        acceptOnly = ServiceInstance.start(properties(acceptOnlyHost, false));
        TestUsers.ensure(new DriverManagerDataSource(database, MySqlTestDatabase.username(),
                MySqlTestDatabase.password()));
    }

    private static Map<String, String> properties(String host, boolean executes) {
        Map<String, String> properties = new HashMap<>(MySqlTestDatabase.datasourceProperties(database));
        properties.put("ctk.instance.host", host);
        properties.put("jobrunr.background-job-server.enabled", String.valueOf(executes));
        properties.put("ctk.fleet.nudge-address", "127.0.0.1");
        properties.put("ctk.fleet.nudge-bind", "127.0.0.1");
        return properties;
    }

    @AfterAll
    void stop() {
        if (acceptOnly != null) {
            acceptOnly.close();
        }
        if (executing != null) {
            executing.close();
        }
    }

    @Test
    void runsAcceptedByTheAcceptOnlyInstanceThenExecutedByTheExecutingOne() {
        assertThatThrownBy(() -> acceptOnly.bean(BackgroundJobServer.class))
                .isInstanceOf(NoSuchBeanDefinitionException.class);
        for (String query : List.of("", "host=" + executingHost)) {
            ExternalService.Response response = acceptOnly.submit(query, sleep("accepted by accept-only " + query, 0));
            assertThat(response.statusCode()).as("%s", response.body()).isEqualTo(202);
            String runId = (String) response.body().get("run_id");

            await().atMost(Duration.ofSeconds(30)).until(() -> "completed".equals(acceptOnly.run(runId).get("status")));
            assertThat(acceptOnly.run(runId)).containsEntry("host", executingHost);
            assertThat(executedOn(executing, runId)).isEqualTo(executingHost);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void hostOfAnAcceptOnlyInstanceNamedThenRefusedBecauseNothingExecutesThere() {
        for (ServiceInstance accepting : List.of(executing, acceptOnly)) {
            ExternalService.Response response = accepting.submit("host=" + acceptOnlyHost, sleep("to accept-only", 0));

            assertThat(response.statusCode()).as("%s", response.body()).isEqualTo(409);
            Map<String, Object> info = (Map<String, Object>) response.body().get("info");
            assertThat(info).containsEntry("host", acceptOnlyHost);
            assertThat((List<Object>) info.get("live_hosts")).contains(executingHost).doesNotContain(acceptOnlyHost);
        }
    }

    @SuppressWarnings("unchecked")
    private static String executedOn(ServiceInstance instance, String runId) {
        Map<String, Object> service = (Map<String, Object>) instance.journal(runId).get(JournalWriter.SERVICE_KEY);
        return service == null ? null : (String) service.get("host");
    }
}
