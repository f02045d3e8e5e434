package io.github.dqualizer.ctk.influx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import io.github.dqualizer.ctk.metrics.ExpectedRecoveryTimeListener;

import io.github.dqualizer.ctk.providers.RunContext;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The points dqualizer's dashboards read, as they arrive at a loopback stand-in for InfluxDB 2. */
@ExtendWith(OutputCaptureExtension.class)
class InfluxMeasurementsTest {

    private static final String TOKEN = "secretToken4711";

    private final RecordingInfluxServer influx = new RecordingInfluxServer();

    @AfterEach
    void stop() {
        influx.close();
    }

    /**
     * No test here is about the write deadline, so it is as long as the tests wait for a write: the first exchange
     * of a JDK {@code HttpClient} in a fresh JVM loads its classes and starts its threads inside the deadline (1.5 s
     * measured at load 22 on 2 cores; later writes 7–90 ms), and the former 500 ms deadline lost that first point.
     */
    private static ResilienceMeasurements measurementsAt(String url) {
        return new ResilienceMeasurements(new InfluxWriter(new InfluxProperties(true, url, TOKEN, "my-org", "my-bucket", Duration.ofSeconds(5))));
    }

    @Test
    void writesTheFourMeasurementShapesWithAuthorizationToken() throws Exception {
        ResilienceMeasurements measurements = measurementsAt(influx.url());

        measurements.processRunning("run-1", "leasingninja-riskApi-0.0.1", true).get(5, TimeUnit.SECONDS);
        measurements.expectedRecoveryTime("run-1", 500).get(5, TimeUnit.SECONDS);
        measurements.actualRecoveryTime("run-1", 1003.25, 10_000).get(5, TimeUnit.SECONDS);
        measurements.actualRecoveryTime("run-1", null, 10_000).get(5, TimeUnit.SECONDS);

        assertThat(influx.lines()).hasSize(4);
        assertThat(influx.lines().get(0)).matches("process_running,process_name=leasingninja-riskApi-0\\.0\\.1 is_running=true \\d{13}");
        assertThat(influx.lines().get(1)).matches("expected_response_measure expected_recovery_time=500i \\d{13}");
        assertThat(influx.lines().get(2)).matches("actual_response_measure actual_recovery_time=1003\\.25,recovered=true \\d{13}");
        assertThat(influx.lines().get(3)).matches("actual_response_measure recovered=false,monitoring_duration=10000\\.0 \\d{13}");
        assertThat(influx.writes).allSatisfy(write -> {
            assertThat(write.authorization()).isEqualTo("Token " + TOKEN);
            assertThat(write.query()).isEqualTo("org=my-org&bucket=my-bucket&precision=ms");
        });
    }

    @Test
    void runStartWritesExpectedRecoveryTimeFromExtensions() {
        ExpectedRecoveryTimeListener listener = new ExpectedRecoveryTimeListener(measurementsAt(influx.url()));
        Map<String, Object> experiment = Map.of("title", "t", "extensions",
                List.of(Map.of("name", "other"), Map.of("name", "expected response measures", "expected_recovery_time_ms", 500)));

        listener.runStarted(new RunContext("run-2", experiment, new ConcurrentHashMap<>()));
        listener.runStarted(new RunContext("run-3", Map.of("title", "no extensions"), new ConcurrentHashMap<>()));

        await().until(() -> !influx.lines().isEmpty());
        await().during(Duration.ofMillis(200)).until(() -> influx.lines().size() == 1);
        assertThat(influx.lines().get(0)).matches("expected_response_measure expected_recovery_time=500i \\d{13}");
    }

    @Test
    void disabledWritesNothing() throws Exception {
        new ResilienceMeasurements(new InfluxWriter(new InfluxProperties(false, influx.url(), TOKEN, null, null, null)))
                .processRunning("run-4", "x", false).get(1, TimeUnit.SECONDS);
        assertThat(influx.writes).isEmpty();
    }

    @Test
    void unreachableInfluxIsLoggedOncePerRunWithoutToken(CapturedOutput output) throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ResilienceMeasurements measurements = measurementsAt("http://127.0.0.1:" + closedPort);

        for (int i = 0; i < 3; i++) {
            measurements.processRunning("run-5", "x", true).get(5, TimeUnit.SECONDS);
        }
        measurements.processRunning("run-6", "x", true).get(5, TimeUnit.SECONDS);

        assertThat(output.getAll().lines().filter(line -> line.contains("did not accept") && line.contains("run-5"))).hasSize(1);
        assertThat(output.getAll().lines().filter(line -> line.contains("did not accept") && line.contains("run-6"))).hasSize(1);
        assertThat(output.getAll()).doesNotContain(TOKEN);
    }
}
