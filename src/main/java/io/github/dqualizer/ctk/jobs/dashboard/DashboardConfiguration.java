package io.github.dqualizer.ctk.jobs.dashboard;

import io.github.dqualizer.ctk.secrets.EncryptionProperties;
import java.nio.file.Path;
import org.jobrunr.storage.StorageProvider;
import org.jobrunr.utils.mapper.JsonMapper;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Serves the JobRunr dashboard when enabled, with the configured or a generated account. */
@Configuration(proxyBeanMethods = false)
class DashboardConfiguration {

    @Bean
    @ConditionalOnProperty(name = "ctk.dashboard.enabled", havingValue = "true", matchIfMissing = true)
    DashboardServer dashboardServer(DashboardProperties properties, EncryptionProperties secrets,
                                    StorageProvider storage, JsonMapper jobRunrJsonMapper,
                                    RequeueAction requeue) {
        // the generated password lives with the generated secrets key: one directory to protect and back up
        Path passwordFile = properties.passwordFile() != null ? properties.passwordFile()
                : secrets.keyFile().toAbsolutePath().resolveSibling("dashboard-password");
        DashboardCredentials credentials = DashboardCredentialsResolver.resolve(properties, passwordFile);
        return new DashboardServer(properties, credentials, storage, jobRunrJsonMapper, requeue);
    }
}
