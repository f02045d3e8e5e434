package io.github.dqualizer.ctk.providers.process;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one {@link ExecutablePolicy} of the service; says once at start-up when it lets every executable run. */
@Configuration(proxyBeanMethods = false)
class ExecutablePolicyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ExecutablePolicyConfiguration.class);

    @Bean
    ExecutablePolicy executablePolicy(ProcessProperties properties) {
        ExecutablePolicy policy = properties.policy();
        if (!policy.restricted()) {
            log.warn("{} is empty: experiments may run every executable on this host (the prod profile allows none "
                    + "until the list is set)", ExecutablePolicy.PROPERTY);
        } else if (properties.allowedExecutables().isEmpty()) {
            log.info("{} is empty: experiments may run no executable", ExecutablePolicy.PROPERTY);
        }
        return policy;
    }
}
