package io.github.dqualizer.ctk.jobs.fleet;

import static io.github.dqualizer.ctk.jobs.fleet.FleetExperiments.hostProcessExperiment;
import static io.github.dqualizer.ctk.jobs.fleet.FleetExperiments.longRunWithRollback;
import static io.github.dqualizer.ctk.jobs.fleet.FleetExperiments.sleep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.dqualizer.ctk.support.EnabledIfMySqlConfigured;
import io.github.dqualizer.ctk.support.ExternalService;
import io.github.dqualizer.ctk.support.MySqlTestDatabase;
import io.github.dqualizer.ctk.support.ServiceInstance;
import io.github.dqualizer.ctk.support.TestUsers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A fleet on one MariaDB database: instances with distinct {@code ctk.instance.host} names, each a Spring context of
 * its own in the test JVM (see {@link #startInJvm}); hosts A and B from the start, host C joins last (issue 15, docs/adr/0008-fleet-routing.md). Host names carry
 * a random suffix: instances of earlier tests on the same database may still look alive for a few seconds.
 */
@EnabledIfMySqlConfigured
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FleetMySqlTest {

    /** A database of this class's own: other classes' job servers on the fork's database would take its runs. */
    private static String database;

    private final String suffix = UUID.randomUUID().toString().substring(0, 6);
    private final String hostA = "fleet-a-" + suffix;
    private final String hostB = "fleet-b-" + suffix;
    private final String hostC = "fleet-c-" + suffix;
    private static final String DEAD_NODE = "00000000-0000-0000-0000-000000dead15";
    private final Map<String, Instance> instances = new LinkedHashMap<>();
    private JdbcTemplate jdbc;

    @TempDir
    static Path dir;

    @BeforeAll
    void startThreeHosts() throws Exception {
        database = MySqlTestDatabase.privateUrl("fleet");
        DriverManagerDataSource dataSource = new DriverManagerDataSource(database,
                MySqlTestDatabase.username(), MySqlTestDatabase.password());
        jdbc = new JdbcTemplate(dataSource);
        instances.put(hostA, startInJvm(hostA));
        instances.put(hostB, startInJvm(hostB));
        TestUsers.ensure(dataSource);
    }

    private static Map<String, String> properties(String host) {
        Map<String, String> properties = new HashMap<>(MySqlTestDatabase.datasourceProperties(database));
        properties.put("ctk.instance.host", host);
        properties.put("ctk.fleet.nudge-address", "127.0.0.1");
        properties.put("ctk.fleet.nudge-bind", "127.0.0.1");
        properties.put("jobrunr.background-job-server.worker-count", "12");
        properties.put("ctk.jobs.recovery-interval", "1s");
        return properties;
    }

    /**
     * A Spring context of its own in this JVM. A JVM process per host did not start within two minutes on the shared
     * two-core machine (load average above 40 from the other builds); instances share nothing but the database and
     * the UDP nudges, so contexts of their own behave as processes would, except that none can be killed with kill -9.
     */
    private static Instance startInJvm(String host) {
        ServiceInstance service = ServiceInstance.start(properties(host));
        return new Instance() {
            public ExternalService.Response submit(String query, String experiment) {
                return service.submit(query, experiment);
            }

            public Map<String, Object> run(String runId) {
                return service.run(runId);
            }

            public void close() {
                service.close();
            }
        };
    }

    interface Instance extends AutoCloseable {
        ExternalService.Response submit(String query, String experiment);

        Map<String, Object> run(String runId);

        @Override
        void close();
    }

    @AfterAll
    void stopAll() {
        instances.values().forEach(Instance::close);
    }

    @Test
    @Order(1)
    @SuppressWarnings("unchecked")
    void hostWithoutLiveInstanceThenRefusedWith409NamingItAndTheLiveHostsAndNothingStored() {
        String title = "nowhere " + suffix;
        ExternalService.Response response = instances.get(hostA).submit("host=nowhere-" + suffix, sleep(title, 0));

        assertThat(response.statusCode()).isEqualTo(409);
        @SuppressWarnings("unchecked")
        Map<String, Object> info = (Map<String, Object>) response.body().get("info");
        assertThat(info).containsEntry("host", "nowhere-" + suffix);
        assertThat((List<Object>) info.get("live_hosts")).contains(hostA, hostB).doesNotContain(hostC);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM experiment_runs WHERE title = ?", Integer.class, title))
                .isZero();
    }

    @Test
    @Order(2)
    void hostNamedThenTheRunExecutesThereWhicheverInstanceAcceptedIt() {
        for (String target : List.of(hostA, hostB)) {
            ExternalService.Response response = instances.get(target.equals(hostA) ? hostB : hostA).submit("host=" + target, sleep("pinned " + target, 0));
            assertThat(response.statusCode()).isEqualTo(202);
            String runId = (String) response.body().get("run_id");

            await().atMost(Duration.ofSeconds(30)).until(() -> "completed".equals(instances.get(hostA).run(runId).get("status")));
            assertThat(instances.get(hostB).run(runId)).containsEntry("host", target).containsEntry("pinned_host", target);
        }
    }

    @Test
    @Order(3)
    void hostProcessRunWithoutHostThenItExecutesOnTheAcceptingHost() {
        for (String accepting : List.of(hostA, hostB)) {
            ExternalService.Response response = instances.get(accepting).submit("", hostProcessExperiment());
            assertThat(response.statusCode()).isEqualTo(202);
            String runId = (String) response.body().get("run_id");

            await().atMost(Duration.ofSeconds(30)).until(() -> instances.get(hostA).run(runId).get("ended_at") != null);
            assertThat(instances.get(hostA).run(runId)).containsEntry("host", accepting).containsEntry("pinned_host", accepting);
        }
    }

    @Test
    @Order(4)
    void twentyFourTwoSecondRunsSubmittedToOneInstanceThenSpreadOverTheHosts() throws Exception {
        Instance accepting = instances.get(hostA);
        long begin = System.nanoTime();
        List<String> runIds = FleetExperiments.submitTwoSecondRunsAtOnce(24, experiment -> accepting.submit("", experiment));

        await().atMost(Duration.ofSeconds(60)).until(() -> runIds.stream()
                .allMatch(id -> "completed".equals(accepting.run(id).get("status"))));
        long wallMillis = (System.nanoTime() - begin) / 1_000_000;
        Set<String> hosts = new TreeSet<>();
        runIds.forEach(id -> hosts.add((String) accepting.run(id).get("host")));
        System.out.printf("[fleet] 24 two-second runs on 2 hosts (12 workers each): %d ms wall, executed on %s%n",
                wallMillis, hosts);
        assertThat(hosts).hasSizeGreaterThanOrEqualTo(2);
    }

    /**
     * The dead instance is simulated as in {@code CrashRecoveryTest}: the run is stored as running on a server id that
     * never sent a heartbeat (its real executor's result is then refused, its node being another). kill -9 of an
     * instance is in the reliability suite ({@code KillDuringChaosMonkeyRunTest}).
     */
    @Test
    @Order(5)
    void instanceDiedDuringAnUnpinnedRunThenALiveHostInterruptsItAndPlaysItsRollbacks() {
        Path rollbackMarker = dir.resolve("unpinned-rolled-back");
        Instance observer = instances.get(hostA);
        String runId = (String) observer.submit("", longRunWithRollback("unpinned victim", rollbackMarker)).body().get("run_id");
        await().atMost(Duration.ofSeconds(30)).until(() -> "running".equals(observer.run(runId).get("status")));

        jdbc.update("UPDATE experiment_runs SET node = ? WHERE id = ?", DEAD_NODE, runId);

        await().atMost(Duration.ofSeconds(60)).until(() -> "interrupted".equals(observer.run(runId).get("status")));
        assertThat((String) observer.run(runId).get("status_reason")).contains("stopped unexpectedly");
        assertThat(rollbackMarker).exists();
    }

    @Test
    @Order(6)
    void instanceOfAHostDiedDuringAPinnedRunThenTheRunWaitsForThatHostAndIsRolledBackByItsReturn() throws Exception {
        Path rollbackMarker = dir.resolve("pinned-rolled-back");
        Instance observer = instances.get(hostA);
        String runId = (String) observer.submit("host=" + hostB, longRunWithRollback("pinned victim", rollbackMarker))
                .body().get("run_id");
        await().atMost(Duration.ofSeconds(30)).until(() -> "running".equals(observer.run(runId).get("status")));

        // as if it had been pinned to host C, whose only instance died while executing it
        jdbc.update("UPDATE experiment_runs SET node = ?, host = ?, pinned_host = ? WHERE id = ?", DEAD_NODE, hostC, hostC, runId);

        await().atMost(Duration.ofSeconds(30)).until(() -> observer.run(runId).get("waiting_for") != null);
        assertThat((String) observer.run(runId).get("waiting_for")).contains(hostC);
        Thread.sleep(5000); // five recovery intervals of both live instances: neither takes it over
        assertThat(observer.run(runId)).containsEntry("status", "running");
        assertThat(rollbackMarker).doesNotExist();

        instances.put(hostC, startInJvm(hostC));
        await().atMost(Duration.ofSeconds(60)).until(() -> "interrupted".equals(observer.run(runId).get("status")));
        assertThat(rollbackMarker).exists();
        assertThat(observer.run(runId)).containsEntry("host", hostC).doesNotContainKey("waiting_for");
    }
}
