package io.github.dqualizer.ctk.secrets;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Encryption of experiment secrets at rest.
 *
 * @param key      base64 of a 256-bit AES key; when empty, a key is generated once and kept in {@code keyFile}
 * @param keyFile  where the generated key lives (embedded default only)
 * @param required refuse to start without an explicit {@code key} (set in production)
 */
@ConfigurationProperties("ctk.secrets")
public record EncryptionProperties(String key, Path keyFile, boolean required) {

    public EncryptionProperties {
        keyFile = keyFile == null ? Path.of("data", "secrets.key") : keyFile;
    }
}
