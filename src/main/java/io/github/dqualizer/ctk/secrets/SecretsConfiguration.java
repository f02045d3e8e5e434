package io.github.dqualizer.ctk.secrets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the {@link SecretsCipher} from the configured key, or from a generated key file on the embedded default. */
@Configuration(proxyBeanMethods = false)
class SecretsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecretsConfiguration.class);

    @Bean
    SecretsCipher secretsCipher(EncryptionProperties properties) throws IOException {
        return new SecretsCipher(new SecretKeySpec(keyBytes(properties), "AES"));
    }

    private static byte[] keyBytes(EncryptionProperties properties) throws IOException {
        if (properties.key() != null && !properties.key().isBlank()) {
            return decode(properties.key().trim());
        }
        if (properties.required()) {
            throw new IllegalStateException("ctk.secrets.key (CTK_SECRETS_KEY) must be set: base64 of 32 random bytes");
        }
        Path file = properties.keyFile();
        if (Files.exists(file)) {
            return decode(Files.readString(file).trim());
        }
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, Base64.getEncoder().encodeToString(key));
        restrictToOwner(file);
        log.warn("No ctk.secrets.key configured: generated one in {} (set CTK_SECRETS_KEY in production)", file);
        return key;
    }

    private static byte[] decode(String base64) {
        byte[] key = Base64.getDecoder().decode(base64);
        if (key.length != 32) {
            throw new IllegalStateException("ctk.secrets.key must be base64 of exactly 32 bytes, got " + key.length);
        }
        return key;
    }

    private static void restrictToOwner(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException ignored) {
            // not a POSIX file system (Windows): the directory's ACLs apply
        }
    }
}
