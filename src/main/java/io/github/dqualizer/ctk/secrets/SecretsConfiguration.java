package io.github.dqualizer.ctk.secrets;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Builds the {@link SecretsKeyring} (and so the {@link SecretsCipher}) from the configured keys, or from a generated
 * key file on the embedded default.
 */
@Configuration(proxyBeanMethods = false)
class SecretsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecretsConfiguration.class);

    @Bean
    SecretsKeyring secretsKeyring(EncryptionProperties properties) throws IOException {
        List<byte[]> retired = properties.retiredKeys().stream()
                .map(key -> decode(key, "ctk.secrets.retired-keys")).toList();
        SecretsKeyring keyring = new SecretsKeyring(currentKey(properties), retired);
        if (properties.required()) {
            refuseReadableKeyFile(properties.keyFile(), keyring);
        }
        log.info("Secrets at rest: current key id {}{}", keyring.currentId(), keyring.ids().size() > 1
                ? ", retired key ids " + keyring.ids().subList(1, keyring.ids().size()) + " (decrypting only)" : "");
        return keyring;
    }

    @Bean
    SecretsCipher secretsCipher(SecretsKeyring keyring) {
        return new SecretsCipher(keyring);
    }

    private static byte[] currentKey(EncryptionProperties properties) throws IOException {
        if (properties.key() != null && !properties.key().isBlank()) {
            return decode(properties.key().trim(), "ctk.secrets.key");
        }
        if (properties.required()) {
            throw new IllegalStateException("Refusing to start: ctk.secrets.required is set (profile prod) but no "
                    + "encryption key is configured. Set CTK_SECRETS_KEY (ctk.secrets.key) to base64 of 32 random "
                    + "bytes, e.g. `openssl rand -base64 32`, and keep it: stored secrets need it to run.");
        }
        Path file = properties.keyFile();
        if (Files.exists(file)) {
            return decode(Files.readString(file).trim(), file.toString());
        }
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        try {
            OwnerOnlyFiles.create(file, Base64.getEncoder().encodeToString(key));
        } catch (FileAlreadyExistsException raced) {
            return decode(Files.readString(file).trim(), file.toString()); // another instance on the same directory was first
        }
        log.warn("No ctk.secrets.key configured: generated one in {}. Every process an experiment starts runs as this "
                + "user and can read that file: in production set CTK_SECRETS_KEY (profile prod)", file);
        return key;
    }

    /**
     * In production the key comes from configuration, never from the key file. A key file still holding one of the
     * configured keys (left from the embedded default, or kept as a copy) is readable by every process an experiment
     * starts, as they run as the service's user: refused, so the key is not left lying within their reach.
     */
    private static void refuseReadableKeyFile(Path file, SecretsKeyring keyring) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            return;
        }
        String id;
        try {
            id = SecretsKeyring.idOf(Base64.getDecoder().decode(Files.readString(file).trim()));
        } catch (IOException | IllegalArgumentException notAKey) {
            return;
        }
        if (keyring.ids().contains(id)) {
            throw new IllegalStateException("Refusing to start: " + file.toAbsolutePath() + " holds the secrets key "
                    + "with id " + id + ", and every process an experiment starts runs as this user and could read it. "
                    + "The key is configured (CTK_SECRETS_KEY / CTK_SECRETS_RETIRED_KEYS): delete the file or move it "
                    + "out of this user's reach (ctk.secrets.key-file names where it is looked for).");
        }
    }

    private static byte[] decode(String base64, String source) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(source + " must be base64 of exactly 32 bytes: it is not base64");
        }
        if (key.length != 32) {
            Arrays.fill(key, (byte) 0);
            throw new IllegalStateException(source + " must be base64 of exactly 32 bytes, got " + key.length);
        }
        return key;
    }
}
