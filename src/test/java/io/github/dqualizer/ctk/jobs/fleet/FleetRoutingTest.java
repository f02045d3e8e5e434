package io.github.dqualizer.ctk.jobs.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which documents pin a run to the accepting host, and the table prefix of a host. */
class FleetRoutingTest {

    @Test
    void hostProcessProviderAnywhereThenPinned() {
        Map<String, Object> rollbackOnly = Map.of("method", List.of(), "rollbacks", List.of(Map.of("type", "action",
                "provider", Map.of("type", "python", "module", "processStarting", "func", "start_process_by_path"))));
        Map<String, Object> probe = Map.of("steady-state-hypothesis", Map.of("probes", List.of(Map.of("provider",
                Map.of("type", "python", "module", "processMonitoring", "func", "check_process_exists")))));

        assertThat(FleetRouting.usesHostProcesses(rollbackOnly)).isTrue();
        assertThat(FleetRouting.usesHostProcesses(probe)).isTrue();
    }

    @Test
    void otherProvidersOrTheModuleNameAsPlainTextThenNotPinned() {
        Map<String, Object> experiment = Map.of("title", "processKilling", "method", List.of(
                Map.of("provider", Map.of("type", "process", "path", "processKilling")),
                Map.of("provider", Map.of("type", "python", "module", "chaosspring.actions", "func", "processKilling"))));

        assertThat(FleetRouting.usesHostProcesses(experiment)).isFalse();
    }

    @Test
    void hostNamesThatReadAlikeThenDistinctPrefixesOfIdentifierCharacters() {
        HostJobTables tables = new HostJobTables(null, null, null, "");

        String dashed = tables.prefix("chaos-host-a.example.org");
        String underscored = tables.prefix("chaos_host_a.example.org");

        assertThat(dashed).matches("h_[a-z0-9_]{1,12}_[0-9a-f]{8}_").startsWith("h_chaos_host_a_");
        assertThat(underscored).isNotEqualTo(dashed);
        assertThat(dashed + "jobrunr_recurring_job_created_at_idx").hasSizeLessThanOrEqualTo(64);
    }
}
