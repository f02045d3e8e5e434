package io.github.dqualizer.ctk.jobs.dashboard;

import io.github.dqualizer.ctk.secrets.EncryptionProperties;
import java.nio.file.Path;
import io.github.dqualizer.ctk.jobs.jobrunr.JobRunrDashboard;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import io.github.dqualizer.ctk.jobs.cluster.InstanceIdentity;
import io.github.dqualizer.ctk.jobs.fleet.HostJobTables;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/** Serves the JobRunr dashboard when enabled, with the configured or a generated account. */
@Configuration(proxyBeanMethods = false)
class DashboardConfiguration {

    /** The configured or generated account when the dashboard is served or an account is configured; else none. */
    @Bean
    DashboardAccount dashboardAccount(DashboardProperties properties, EncryptionProperties secrets) {
        boolean configured = properties.username() != null && !properties.username().isBlank()
                && properties.password() != null && !properties.password().isBlank();
        if (!properties.enabled() && !configured) {
            return DashboardAccount.none();
        }
        // the generated password lives with the generated secrets key: one directory to protect and back up
        Path passwordFile = properties.passwordFile() != null ? properties.passwordFile()
                : secrets.keyFile().toAbsolutePath().resolveSibling("dashboard-password");
        return DashboardAccount.of(DashboardCredentialsResolver.resolve(properties, passwordFile));
    }

    /** The dashboard of the shared tables: unpinned runs and the recurring jobs. */
    @Bean
    @Primary
    @ConditionalOnProperty(name = "ctk.dashboard.enabled", havingValue = "true", matchIfMissing = true)
    DashboardServer dashboardServer(DashboardProperties properties, DashboardAccount account,
                                    JobRunrDashboard dashboard) {
        return new DashboardServer(properties, account.credentials().orElseThrow(), dashboard);
    }

    /**
     * The dashboard of this host's own JobRunr tables, where runs pinned to this host (host-process runs among them)
     * have their jobs: JobRunr's dashboard shows one table set, so each set gets a server (ADR 0008).
     */
    @Bean
    @ConditionalOnProperty(name = "ctk.dashboard.enabled", havingValue = "true", matchIfMissing = true)
    DashboardServer hostDashboardServer(DashboardProperties properties, DashboardAccount account,
                                        JobRunrDashboard dashboard, HostJobTables tables, InstanceIdentity instance) {
        if (properties.hostPort() < 0) {
            return null;
        }
        return new DashboardServer(properties, properties.hostPort(), true, "tables of host " + instance.host(),
                account.credentials().orElseThrow(), () -> dashboard.handlers(tables.storage(instance.host())));
    }
}
