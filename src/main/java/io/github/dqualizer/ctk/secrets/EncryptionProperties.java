package io.github.dqualizer.ctk.secrets;

import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Encryption of experiment secrets at rest.
 *
 * @param key         base64 of a 256-bit AES key, the current one (encrypts); when empty, a key is generated once and
 *                    kept in {@code keyFile}
 * @param keyFile     where the generated key lives (embedded default only; refused in {@code required} mode while it
 *                    holds a configured key, as every process an experiment starts could read it)
 * @param required    refuse to start without an explicit {@code key} (set in production)
 * @param retiredKeys earlier keys (base64, 32 bytes each), kept after a rotation so what they encrypted still decrypts
 * @param reencryptOnStart re-encrypt stored blobs not under the current key (or in the format before key ids) at
 *                    start-up, in the background; null means true
 */
@ConfigurationProperties("ctk.secrets")
public record EncryptionProperties(String key, Path keyFile, boolean required, List<String> retiredKeys,
                                   Boolean reencryptOnStart) {

    public EncryptionProperties {
        keyFile = keyFile == null ? Path.of("data", "secrets.key") : keyFile;
        reencryptOnStart = reencryptOnStart == null || reencryptOnStart;
        retiredKeys = retiredKeys == null ? List.of() : retiredKeys.stream().map(String::trim).filter(k -> !k.isEmpty()).toList();
    }
}
