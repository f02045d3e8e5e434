package io.github.dqualizer.ctk.experiment;

import io.github.dqualizer.ctk.providers.output.BoundedOutputCollector;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the CTK engine.
 *
 * @param ignoreControls accept experiments declaring {@code controls} and skip them (recorded in the journal)
 *                       instead of rejecting them
 * @param maxOutputSize  the most the journal keeps of each stream of a {@code process} activity (stdout, stderr)
 *                       and of each {@code http} response body; the rest is read and dropped, and the kept text
 *                       ends with a truncation marker (default 1 MB)
 */
@ConfigurationProperties(prefix = "ctk.engine")
public record EngineProperties(boolean ignoreControls, DataSize maxOutputSize) {

    public EngineProperties {
        maxOutputSize = maxOutputSize == null ? BoundedOutputCollector.DEFAULT_LIMIT : maxOutputSize;
        if (maxOutputSize.isNegative() || maxOutputSize.toBytes() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("ctk.engine.max-output-size must be between 0 and 2 GB, got "
                    + maxOutputSize);
        }
    }

    public static EngineProperties defaults() {
        return new EngineProperties(false, null);
    }

    /** {@link #maxOutputSize()} in bytes. */
    public int maxOutputBytes() {
        return (int) maxOutputSize.toBytes();
    }
}
