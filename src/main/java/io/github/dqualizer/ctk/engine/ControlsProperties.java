package io.github.dqualizer.ctk.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Global controls ({@code ctk.controls.global.<name>.provider.*}): applied to every run as the controls of
 * chaostoolkit's settings file are, e.g. {@code ctk.controls.global.audit.provider.type=python},
 * {@code ctk.controls.global.audit.provider.module=my_team.audit}.
 *
 * @param global control definitions by name, in declaration order
 */
@ConfigurationProperties("ctk.controls")
public record ControlsProperties(Map<String, Map<String, Object>> global) {

    public ControlsProperties {
        global = global == null ? Map.of() : new LinkedHashMap<>(global);
    }

    public static ControlsProperties none() {
        return new ControlsProperties(null);
    }
}
