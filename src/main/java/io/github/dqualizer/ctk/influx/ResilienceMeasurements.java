package io.github.dqualizer.ctk.influx;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.springframework.stereotype.Component;

/**
 * The measurements dqualizer's Grafana dashboards read, with the prototype's measurement, tag and field names.
 *
 * <p>Line protocol has no null, so "the process did not come back" is written as
 * {@code actual_response_measure recovered=false,monitoring_duration=<ms>} (no
 * {@code actual_recovery_time} field); a recovery as
 * {@code actual_response_measure actual_recovery_time=<ms>,recovered=true}.
 */
@Component
public class ResilienceMeasurements {

    private final InfluxWriter writer;

    public ResilienceMeasurements(InfluxWriter writer) {
        this.writer = writer;
    }

    /** {@code process_running,process_name=<name> is_running=<bool>}. */
    public CompletableFuture<Void> processRunning(String runId, String processName, boolean running) {
        return writer.write(runId, new InfluxPoint("process_running", Map.of("process_name", processName),
                Map.of("is_running", running), System.currentTimeMillis()));
    }

    /** {@code expected_response_measure expected_recovery_time=<value>} (integer when the experiment gave one). */
    public CompletableFuture<Void> expectedRecoveryTime(String runId, Number milliseconds) {
        return writer.write(runId, new InfluxPoint("expected_response_measure", Map.of(),
                Map.of("expected_recovery_time", milliseconds), System.currentTimeMillis()));
    }

    /** {@code actual_response_measure}: the recovery time in ms, or {@code null} when it did not recover in time. */
    public CompletableFuture<Void> actualRecoveryTime(String runId, Double milliseconds, double monitoredMillis) {
        Map<String, Object> fields = new LinkedHashMap<>();
        if (milliseconds != null) {
            fields.put("actual_recovery_time", milliseconds);
            fields.put("recovered", true);
        } else {
            fields.put("recovered", false);
            fields.put("monitoring_duration", monitoredMillis);
        }
        return writer.write(runId, new InfluxPoint("actual_response_measure", Map.of(), fields, System.currentTimeMillis()));
    }
}
