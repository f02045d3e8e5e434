package io.github.dqualizer.ctk.jobs.fleet;

import static io.github.dqualizer.ctk.jobs.fleet.FleetExperiments.hostProcessExperiment;
import static io.github.dqualizer.ctk.jobs.fleet.FleetExperiments.longRunWithRollback;
import static io.github.dqualizer.ctk.jobs.fleet.FleetExperiments.sleep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.dqualizer.ctk.engine.journal.JournalWriter;
import io.github.dqualizer.ctk.support.EnabledIfMySqlConfigured;
import io.github.dqualizer.ctk.support.ExternalService;
import io.github.dqualizer.ctk.support.MySqlTestDatabase;
import io.github.dqualizer.ctk.support.TestUsers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Issue 15's "done when" with three separate JVM processes ({@link ExternalService}, started in parallel) on one
 * MariaDB database, each with its own {@code ctk.instance.host}. Every JobRunr server is named after its host, not
 * after its OS process: the instances then know each other only by heartbeat, as on three machines (on one machine
 * {@code LocalProcess} would see a killed process's absence at once). The kill -9 is a real SIGKILL; the survivors
 * notice it by JobRunr's server timeout, at its smallest: the 5 s minimum poll interval (set here; the service's
 * default is JobRunr's 15 s) × the minimum multiplicand 4.
 */
@EnabledIfMySqlConfigured
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FleetProcessesMySqlTest {

    /** A database of this class's own: other classes' job servers on the fork's database would take its runs. */
    private static String database;

    private static final int WORKERS = 8;

    /* a random suffix: instances of earlier tests on the same database may still look alive for a few seconds */
    private final String suffix = UUID.randomUUID().toString().substring(0, 6);
    private final Map<String, ExternalService> hosts = new LinkedHashMap<>();
    private String hostA;
    private String hostB;
    private String hostC;

    @TempDir
    Path dir;

    @BeforeAll
    void startThreeProcessesAtOnce() {
        database = MySqlTestDatabase.privateUrl("fleetprocs");
        hostA = "proc-a-" + suffix;
        hostB = "proc-b-" + suffix;
        hostC = "proc-c-" + suffix;
        long begin = System.nanoTime();
        Map<String, CompletableFuture<ExternalService>> starting = new LinkedHashMap<>();
        // all three at once on the empty database: our Flyway migrations and JobRunr's table creation run under the
        // schema lock (SchemaLock); without it one start failed ("Can't DROP INDEX jobrunr_job_updated_at_idx")
        for (String host : List.of(hostA, hostB, hostC)) {
            starting.put(host, CompletableFuture.supplyAsync(() -> ExternalService.start(properties(host),
                    Path.of("target", "fleet-processes", host + ".log"))));
        }
        RuntimeException failure = null;
        for (Map.Entry<String, CompletableFuture<ExternalService>> entry : starting.entrySet()) {
            try {
                hosts.put(entry.getKey(), entry.getValue().join());
            } catch (RuntimeException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            stopAll();
            throw failure;
        }
        // the users after the start: on a fresh database the instances' migrations create the table
        TestUsers.ensure(new DriverManagerDataSource(database, MySqlTestDatabase.username(),
                MySqlTestDatabase.password()));
        System.out.printf("[fleet-processes] three JVMs ready in %d ms%n", (System.nanoTime() - begin) / 1_000_000);
    }

    private static Map<String, String> properties(String host) {
        Map<String, String> properties = new HashMap<>(MySqlTestDatabase.datasourceProperties(database));
        properties.put("ctk.instance.host", host);
        // a name without "(pid N, ns X)": the others cannot look the process up, only at its heartbeat
        properties.put("jobrunr.background-job-server.name", host);
        properties.put("jobrunr.background-job-server.worker-count", String.valueOf(WORKERS));
        properties.put("jobrunr.background-job-server.poll-interval-in-seconds", "5");
        properties.put("jobrunr.background-job-server.server-timeout-poll-interval-multiplicand", "4");
        properties.put("ctk.fleet.nudge-address", "127.0.0.1");
        properties.put("ctk.fleet.nudge-bind", "127.0.0.1");
        properties.put("ctk.jobs.recovery-interval", "1s");
        properties.put("ctk.jobs.recovery-initial-delay", "0s");
        return properties;
    }

    @AfterAll
    void stopAll() {
        hosts.values().forEach(ExternalService::close);
    }

    @Test
    @Order(1)
    void twentyFourTwoSecondRunsSubmittedToOneInstanceThenAllCompleteSpreadOverTheHosts() throws Exception {
        ExternalService accepting = hosts.get(hostA);
        // one login first, as a client's session would: 24 parallel first logins of one user are more than the
        // throttle lets through before one succeeded (ctk.auth.throttle, counted before the check); then it is cached
        assertThat(accepting.submit("", sleep("warm-up", 0)).statusCode()).isEqualTo(202);
        long begin = System.nanoTime();
        List<String> runIds = FleetExperiments.submitTwoSecondRunsAtOnce(24, experiment -> accepting.submit("", experiment));

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> runIds.stream()
                .allMatch(id -> "completed".equals(accepting.run(id).get("status"))));
        long wallMillis = (System.nanoTime() - begin) / 1_000_000;
        Map<String, Integer> perHost = new TreeMap<>();
        for (String id : runIds) {
            perHost.merge(executedOn(accepting, id), 1, Integer::sum);
        }
        // a figure for the log only: speed is measured by scripts/benchmark.sh fleet (docs/benchmarks.md)
        System.out.printf("[fleet-processes] 24 two-second runs submitted to %s: all completed %d ms after the first"
                + " submission, executed per host %s%n", hostA, wallMillis, perHost);
        assertThat(perHost.keySet()).hasSizeGreaterThanOrEqualTo(2).isSubsetOf(hosts.keySet());
        assertThat(perHost.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(24);
    }

    @Test
    @Order(2)
    void hostNamedThenTheRunExecutesOnThatHostsProcess() {
        ExternalService.Response response = hosts.get(hostA).submit("host=" + hostC, sleep("pinned to C", 0));
        assertThat(response.statusCode()).as("%s", response.body()).isEqualTo(202);
        String runId = (String) response.body().get("run_id");

        await().atMost(Duration.ofSeconds(30)).until(() -> "completed".equals(hosts.get(hostB).run(runId).get("status")));
        assertThat(executedOn(hosts.get(hostB), runId)).isEqualTo(hostC);
        assertThat(hosts.get(hostB).run(runId)).containsEntry("host", hostC).containsEntry("pinned_host", hostC);
    }

    @Test
    @Order(3)
    void hostProcessRunWithoutHostThenItExecutesOnTheAcceptingHost() {
        ExternalService.Response response = hosts.get(hostB).submit("", hostProcessExperiment());
        assertThat(response.statusCode()).as("%s", response.body()).isEqualTo(202);
        String runId = (String) response.body().get("run_id");

        await().atMost(Duration.ofSeconds(30)).until(() -> hosts.get(hostA).run(runId).get("ended_at") != null);
        assertThat(hosts.get(hostA).run(runId)).containsEntry("pinned_host", hostB);
        assertThat(executedOn(hosts.get(hostA), runId)).isEqualTo(hostB);
    }

    @Test
    @Order(4)
    void hostKilledDuringAnUnpinnedRunThenAnotherHostInterruptsItAndPlaysItsRollback() throws Exception {
        Path rollbackMarker = dir.resolve("rolled-back");
        ExternalService accepting = hosts.get(hostA);
        ExternalService.Response response = accepting.submit("", longRunWithRollback("kill victim", rollbackMarker));
        assertThat(response.statusCode()).as("%s", response.body()).isEqualTo(202);
        String runId = (String) response.body().get("run_id");
        await().atMost(Duration.ofSeconds(30)).until(() -> "running".equals(accepting.run(runId).get("status")));
        String victimHost = (String) accepting.run(runId).get("host");
        ExternalService victim = hosts.get(victimHost);
        assertThat(victim).as("executing host %s is one of ours", victimHost).isNotNull();

        victim.kill(); // SIGKILL: no shutdown hook, no rollback, no state change
        long killedAt = System.nanoTime();
        assertThat(victim.isAlive()).isFalse();
        assertThat(rollbackMarker).doesNotExist();

        ExternalService survivor = hosts.entrySet().stream().filter(e -> !e.getKey().equals(victimHost))
                .findFirst().orElseThrow().getValue();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                .until(() -> "interrupted".equals(survivor.run(runId).get("status")));
        System.out.printf("[fleet-processes] %s killed: its run interrupted by another host %d ms later%n",
                victimHost, (System.nanoTime() - killedAt) / 1_000_000);
        assertThat((String) survivor.run(runId).get("status_reason")).contains("stopped unexpectedly");
        // the killed process is gone: only a surviving host can have touched the file
        assertThat(rollbackMarker).exists();
        assertThat(Files.readString(rollbackMarker)).isEmpty();
    }

    /** The host stamped into the journal by the instance that executed the run. */
    @SuppressWarnings("unchecked")
    private static String executedOn(ExternalService instance, String runId) {
        Map<String, Object> service = (Map<String, Object>) instance.journal(runId).get(JournalWriter.SERVICE_KEY);
        return service == null ? null : (String) service.get("host");
    }
}
