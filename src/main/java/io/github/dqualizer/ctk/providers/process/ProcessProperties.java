package io.github.dqualizer.ctk.providers.process;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the {@code process} provider ({@code ctk.process.*}).
 *
 * @param allowedExecutables when not empty, the only executables process activities may run: each entry is
 *                           matched against the path as written (e.g. {@code echo}) or the absolute path it
 *                           resolves to (e.g. {@code /usr/bin/echo})
 */
@ConfigurationProperties("ctk.process")
public record ProcessProperties(List<String> allowedExecutables) {

    public ProcessProperties {
        allowedExecutables = allowedExecutables == null ? List.of() : List.copyOf(allowedExecutables);
    }

    public static ProcessProperties defaults() {
        return new ProcessProperties(null);
    }

    public ExecutablePolicy policy() {
        return new ExecutablePolicy(allowedExecutables);
    }
}
