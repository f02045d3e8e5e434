package io.github.dqualizer.ctk.secrets;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
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
            throw new IllegalStateException("Refusing to start: ctk.secrets.required is set (profile prod) but no "
                    + "encryption key is configured. Set CTK_SECRETS_KEY (ctk.secrets.key) to base64 of 32 random "
                    + "bytes, e.g. `openssl rand -base64 32`, and keep it: stored secrets need it to run.");
        }
        Path file = properties.keyFile();
        if (Files.exists(file)) {
            return decode(Files.readString(file).trim());
        }
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        try {
            OwnerOnlyFiles.create(file, Base64.getEncoder().encodeToString(key));
        } catch (FileAlreadyExistsException raced) {
            return decode(Files.readString(file).trim()); // another instance on the same directory was first
        }
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
}
