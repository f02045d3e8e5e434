package io.github.dqualizer.ctk.jobs.dashboard;

import org.jobrunr.storage.StorageProvider;
import org.jobrunr.utils.mapper.JsonMapper;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DashboardConfiguration {

    @Bean
    @ConditionalOnProperty(name = "ctk.dashboard.enabled", havingValue = "true", matchIfMissing = true)
    DashboardServer dashboardServer(DashboardProperties properties, StorageProvider storage, JsonMapper jobRunrJsonMapper) {
        return new DashboardServer(properties, storage, jobRunrJsonMapper);
    }
}
