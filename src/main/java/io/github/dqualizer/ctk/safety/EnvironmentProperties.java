package io.github.dqualizer.ctk.safety;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which environment variables of the service experiments and their child processes may not see
 * ({@code ctk.engine.environment.*}). Patterns are variable names where {@code *} matches any run of characters,
 * compared without regard to case.
 *
 * @param denied  withheld in addition to the service's own ({@code CTK_*}, {@code SPRING_*}, {@code JOBRUNR_*},
 *                {@code JAVA_TOOL_OPTIONS}, {@code JDK_JAVA_OPTIONS} and every variable whose value is one of the
 *                service's configured credentials)
 * @param allowed visible although denied (an operator's explicit exception, e.g. {@code CTK_TARGET_URL})
 */
@ConfigurationProperties("ctk.engine.environment")
public record EnvironmentProperties(List<String> denied, List<String> allowed) {

    public EnvironmentProperties {
        denied = denied == null ? List.of() : List.copyOf(denied);
        allowed = allowed == null ? List.of() : List.copyOf(allowed);
    }

    public static EnvironmentProperties defaults() {
        return new EnvironmentProperties(null, null);
    }
}
