package io.github.dqualizer.ctk.experiment;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the CTK engine.
 *
 * @param ignoreControls accept experiments declaring {@code controls} and skip them (recorded in the journal)
 *                       instead of rejecting them
 */
@ConfigurationProperties(prefix = "ctk.engine")
public record EngineProperties(boolean ignoreControls) {

    public static EngineProperties defaults() {
        return new EngineProperties(false);
    }
}
