package io.github.dqualizer.ctk.providers.process;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The executables experiments may run ({@code ctk.process.*}): {@code process} activities and both
 * {@code processStarting} functions.
 *
 * @param allowedExecutables when not empty, the only executables experiments may run: each entry is matched against
 *                           the path as written (e.g. {@code echo}) or the absolute path it resolves to (e.g.
 *                           {@code /usr/bin/echo})
 * @param allowAllWhenEmpty  what an empty list means: every executable ({@code true}, the embedded default) or none
 *                           ({@code false}, set by the {@code prod} profile)
 */
@ConfigurationProperties("ctk.process")
public record ProcessProperties(List<String> allowedExecutables, Boolean allowAllWhenEmpty) {

    public ProcessProperties {
        allowedExecutables = allowedExecutables == null ? List.of() : List.copyOf(allowedExecutables);
        allowAllWhenEmpty = allowAllWhenEmpty == null || allowAllWhenEmpty;
    }

    public static ProcessProperties defaults() {
        return new ProcessProperties(null, null);
    }

    public ExecutablePolicy policy() {
        return new ExecutablePolicy(allowedExecutables, allowAllWhenEmpty);
    }
}
