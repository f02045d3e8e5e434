package io.github.dqualizer.ctk.jobs.jobrunr;

import java.util.List;
import org.jobrunr.jobs.filters.RetryFilter;
import org.jobrunr.server.BackgroundJobServer;
import org.jobrunr.server.BackgroundJobServerConfiguration;
import org.jobrunr.server.JobActivator;
import org.jobrunr.spring.autoconfigure.JobRunrProperties;
import org.jobrunr.storage.StorageProvider;
import org.jobrunr.utils.mapper.JsonMapper;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The shared tables' job server, as JobRunr's starter builds it (its configuration and retry filter), but a
 * {@link SampledStatsJobServer}; the starter's bean backs off when this one exists.
 */
@Configuration(proxyBeanMethods = false)
class SharedJobServerConfiguration {

    @Bean
    @ConditionalOnProperty(prefix = "jobrunr.background-job-server", name = "enabled", havingValue = "true")
    BackgroundJobServer backgroundJobServer(StorageProvider storageProvider, JsonMapper jobRunrJsonMapper,
                                            JobActivator jobActivator, BackgroundJobServerConfiguration configuration,
                                            JobRunrProperties properties) {
        BackgroundJobServer server = new SampledStatsJobServer(storageProvider, jobRunrJsonMapper, jobActivator, configuration);
        server.setJobFilters(List.of(new RetryFilter(properties.getJobs().getDefaultNumberOfRetries(),
                properties.getJobs().getRetryBackOffTimeSeed())));
        return server;
    }
}
