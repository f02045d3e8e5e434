package io.github.dqualizer.ctk.jobs.cluster;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Names this instance's JobRunr server after its OS process ({@link LocalProcess}) unless
 * {@code jobrunr.background-job-server.name} is configured; lowest precedence, so any configuration wins.
 */
class ServerNameDefaults implements EnvironmentPostProcessor {

    static final String PROPERTY = "jobrunr.background-job-server.name";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.containsProperty(PROPERTY)) {
            environment.getPropertySources().addLast(new MapPropertySource("ctkServerName",
                    Map.of(PROPERTY, LocalProcess.current().serverName())));
        }
    }
}
