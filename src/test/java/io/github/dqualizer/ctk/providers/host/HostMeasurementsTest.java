package io.github.dqualizer.ctk.providers.host;

import static io.github.dqualizer.ctk.providers.host.FixedCredentialVerifier.validArguments;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.github.dqualizer.ctk.influx.InfluxProperties;
import io.github.dqualizer.ctk.providers.RunContext;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The points the host functions write. No InfluxDB server can run here: a loopback
 * {@link HttpServer} stands in for it and records what arrives at {@code /api/v2/write}.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class HostMeasurementsTest {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch arrived = new CountDownLatch(1);
    private volatile boolean slow;
    private HttpServer influx;
    private HostFunctions host;
    private final DummyProcesses dummies = new DummyProcesses();
    private final RunContext run = HostFunctions.newRun();

    @BeforeEach
    void startInflux() throws Exception {
        influx = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        influx.createContext("/api/v2/write", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (slow) {
                arrived.countDown();
                try {
                    release.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            lines.addAll(body.lines().toList());
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        influx.setExecutor(Executors.newCachedThreadPool());
        influx.start();
        String url = "http://127.0.0.1:" + influx.getAddress().getPort();
        host = new HostFunctions(HostProperties.defaults(), new InfluxProperties(true, url, "t0ken", "my-org", "my-bucket", Duration.ofSeconds(10)));
    }

    @AfterEach
    void stop() {
        release.countDown();
        influx.stop(0);
        dummies.close();
    }

    @Test
    void checkWithLogFlagWritesProcessRunningAndWithoutFlagWritesNothing() throws Exception {
        host.check.invoke(validArguments("process_name", dummies.sleepName), run);
        host.check.invoke(validArguments("process_name", dummies.sleepName, "log_result_in_influx_db", true), run);

        await().until(() -> lines.size() == 1);
        assertThat(lines.get(0)).matches("process_running,process_name=" + dummies.sleepName + " is_running=false \\d{13}");
    }

    @Test
    void killWritesProcessRunningFalseAndDurationWritesActualRecoveryTime() throws Exception {
        dummies.startSleep();
        await().until(() -> !host.table.matching(dummies.sleepName).isEmpty());

        host.kill.invoke(validArguments("process_name", dummies.sleepName), run);
        host.duration.invoke(validArguments("process_name", dummies.sleepName, "monitoring_duration_sec", 0.2), run);

        await().until(() -> lines.size() == 2);
        assertThat(lines).anySatisfy(line -> assertThat(line).matches("process_running,process_name=" + dummies.sleepName + " is_running=false \\d{13}"));
        assertThat(lines).anySatisfy(line -> assertThat(line).matches("actual_response_measure recovered=false,monitoring_duration=200\\.0 \\d{13}"));
    }

    @Test
    void slowInfluxDoesNotDelayTheFunction() throws Exception {
        slow = true;

        host.check.invoke(validArguments("process_name", dummies.sleepName, "log_result_in_influx_db", true), run);

        // the function has returned; the write reaches the server, which holds it until released: had the
        // function written on its own thread, it would have returned only after the server answered
        assertThat(arrived.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(lines).isEmpty();
        release.countDown();
        await().until(() -> lines.size() == 1);
    }
}
