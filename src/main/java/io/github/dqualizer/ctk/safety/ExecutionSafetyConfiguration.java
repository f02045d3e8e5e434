package io.github.dqualizer.ctk.safety;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;

/** Builds the execution-safety policy from the service's configuration and its OS environment. */
@Configuration(proxyBeanMethods = false)
class ExecutionSafetyConfiguration {

    @Bean
    ChildEnvironment childEnvironment(EnvironmentProperties properties, ConfigurableEnvironment environment) {
        return new ChildEnvironment(properties, ServiceCredentials.values(environment), System.getenv());
    }

    @Bean
    OutboundHosts outboundHosts(OutboundHttpProperties properties) {
        return new OutboundHosts(properties.allowedHosts());
    }
}
