package io.github.dqualizer.ctk.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The stored format binds each blob to its run or schedule and names its key: a blob moved to another binding,
 * relabelled or altered does not decrypt; blobs of the format before (no associated data, no key id) still do; after
 * a rotation the retired key decrypts what it encrypted, and only the new key encrypts.
 */
class SecretsCipherTest {

    private static final String SECRETS = "{\"vault\":{\"token\":\"s3cr3t-value\"}}";
    private final byte[] oldKey = randomKey();
    private final byte[] newKey = randomKey();

    @Test
    void encryptedForARunThenDecryptsForItAndCarriesVersionAndKeyId() {
        SecretsCipher cipher = new SecretsCipher(new SecretsKeyring(oldKey, List.of()));

        String blob = cipher.encrypt(SECRETS, "run:a");

        assertThat(blob).startsWith("v2:" + SecretsKeyring.idOf(oldKey) + ":").doesNotContain("s3cr3t");
        assertThat(cipher.decrypt(blob, "run:a")).isEqualTo(SECRETS);
        assertThat(cipher.isCurrent(blob)).isTrue();
    }

    @Test
    void blobMovedToAnotherRunOrToAScheduleThenFailsToDecryptNamingNoSecret() {
        SecretsCipher cipher = new SecretsCipher(new SecretsKeyring(oldKey, List.of()));
        String blob = cipher.encrypt(SECRETS, "run:a");

        for (String other : List.of("run:b", "schedule:a", "run:a ")) {
            assertThatThrownBy(() -> cipher.decrypt(blob, other)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("cannot be decrypted for " + other)
                    .hasMessageNotContaining("s3cr3t");
        }
    }

    @Test
    void blobRelabelledWithAnotherKnownKeyIdOrAlteredThenFailsToDecrypt() {
        SecretsKeyring ring = new SecretsKeyring(newKey, List.of(oldKey));
        SecretsCipher cipher = new SecretsCipher(ring);
        String blob = cipher.encrypt(SECRETS, "run:a");

        String relabelled = blob.replace(SecretsKeyring.idOf(newKey), SecretsKeyring.idOf(oldKey));
        assertThatThrownBy(() -> cipher.decrypt(relabelled, "run:a")).isInstanceOf(IllegalStateException.class);
        byte[] raw = Base64.getDecoder().decode(blob.substring(blob.lastIndexOf(':') + 1));
        raw[raw.length - 1] ^= 1;
        String altered = blob.substring(0, blob.lastIndexOf(':') + 1) + Base64.getEncoder().encodeToString(raw);
        assertThatThrownBy(() -> cipher.decrypt(altered, "run:a")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void formatOneBlobWithoutKeyIdOrAssociatedDataThenStillDecryptsAndIsNotCurrent() throws Exception {
        String legacy = formatOne(oldKey, SECRETS);
        SecretsCipher cipher = new SecretsCipher(new SecretsKeyring(oldKey, List.of()));

        assertThat(cipher.decrypt(legacy, "run:anything")).isEqualTo(SECRETS);
        assertThat(cipher.isCurrent(legacy)).isFalse();
        assertThat(new SecretsCipher(new SecretsKeyring(newKey, List.of(oldKey))).decrypt(legacy, "run:x"))
                .as("by a retired key after rotation").isEqualTo(SECRETS);
        assertThatThrownBy(() -> new SecretsCipher(new SecretsKeyring(newKey, List.of())).decrypt(legacy, "run:x"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ctk.secrets.retired-keys");
    }

    @Test
    void rotatedThenOldBlobsDecryptWithTheRetiredKeyAndNewOnesUseTheNewKey() {
        String beforeRotation = new SecretsCipher(new SecretsKeyring(oldKey, List.of())).encrypt(SECRETS, "run:a");
        SecretsCipher rotated = new SecretsCipher(new SecretsKeyring(newKey, List.of(oldKey)));

        assertThat(rotated.decrypt(beforeRotation, "run:a")).isEqualTo(SECRETS);
        assertThat(rotated.isCurrent(beforeRotation)).as("to be re-encrypted").isFalse();
        String after = rotated.encrypt(SECRETS, "run:a");
        assertThat(after).startsWith("v2:" + SecretsKeyring.idOf(newKey) + ":");
        assertThat(rotated.isCurrent(after)).isTrue();
        assertThatThrownBy(() -> new SecretsCipher(new SecretsKeyring(newKey, List.of())).decrypt(beforeRotation, "run:a"))
                .as("the retired key dropped too early").isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("key id " + SecretsKeyring.idOf(oldKey))
                .hasMessageContaining("ctk.secrets.retired-keys");
    }

    /** The stored format of every version before 2, written as that code did: base64(IV + AES-GCM(text)). */
    static String formatOne(byte[] key, String clearText) throws Exception {
        byte[] iv = new byte[12];
        new SecureRandom().nextBytes(iv);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
        byte[] sealed = cipher.doFinal(clearText.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
    }

    static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
