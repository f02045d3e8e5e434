package io.github.dqualizer.ctk.secrets;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM encryption of small texts (experiment secrets blocks), each blob bound to what it belongs to.
 *
 * <p>Stored format {@code v2:<key id>:<base64 of IV + ciphertext + tag>}, with {@code v2:<key id>:<binding>} as
 * additional authenticated data: a blob copied to another row (another binding) or relabelled with another key id
 * fails to decrypt, and the key id picks the key from the {@link SecretsKeyring}, so keys can be rotated.
 * The format before it (version 1) is the bare base64 of IV + ciphertext + tag, without associated data or key id;
 * base64 never holds {@code ':'}, which tells the two apart. Version 1 blobs still decrypt (with any key of the
 * ring), but are bound to nothing: {@link #isCurrent} lets a caller re-encrypt them.
 */
public final class SecretsCipher {

    private static final String V2 = "v2:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretsKeyring keyring;
    private final SecureRandom random = new SecureRandom();

    public SecretsCipher(SecretsKeyring keyring) {
        this.keyring = keyring;
    }

    /** @param binding what the blob belongs to, e.g. {@code run:<id>}; decrypting needs the same binding */
    public String encrypt(String clearText, String binding) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            String keyId = keyring.currentId();
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keyring.current(), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(associatedData(keyId, binding));
            byte[] sealed = cipher.doFinal(clearText.getBytes(StandardCharsets.UTF_8));
            return V2 + keyId + ":"
                    + Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Encryption failed", e);
        }
    }

    /**
     * @throws UndecryptableSecretsException naming the binding and key id (never the content) when the blob was encrypted
     *                               for another binding, with a key not in the ring, or was altered
     */
    public String decrypt(String stored, String binding) {
        if (!stored.startsWith(V2)) {
            return decryptVersion1(stored, binding);
        }
        int keyEnd = stored.indexOf(':', V2.length());
        if (keyEnd < 0) {
            throw new UndecryptableSecretsException("Stored secrets of " + binding + " are not in a known format");
        }
        String keyId = stored.substring(V2.length(), keyEnd);
        SecretKey key = keyring.byId(keyId).orElseThrow(() -> new UndecryptableSecretsException("Stored secrets of " + binding
                + " were encrypted with key id " + keyId + ", which is neither ctk.secrets.key nor one of "
                + "ctk.secrets.retired-keys (key ids configured: " + keyring.ids() + ")"));
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(keyEnd + 1));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
            cipher.updateAAD(associatedData(keyId, binding));
            return new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new UndecryptableSecretsException("Stored secrets cannot be decrypted for " + binding + " with key id "
                    + keyId + ": they belong to another run or schedule, or were altered", e);
        }
    }

    /** Whether {@code stored} is in the current format under the current key, so re-encrypting it would change nothing. */
    public boolean isCurrent(String stored) {
        return stored.startsWith(V2 + keyring.currentId() + ":");
    }

    /** Version 1: no key id, so every key of the ring is tried; GCM's tag tells the right one. */
    private String decryptVersion1(String stored, String binding) {
        byte[] all;
        try {
            all = Base64.getDecoder().decode(stored);
        } catch (IllegalArgumentException e) {
            throw new UndecryptableSecretsException("Stored secrets of " + binding + " are not in a known format", e);
        }
        for (SecretKey key : keyring.all()) {
            try {
                Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
                cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
                return new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                // not this key: try the next one
            }
        }
        throw new UndecryptableSecretsException("Stored secrets of " + binding + " (format 1, no key id) cannot be decrypted "
                + "with ctk.secrets.key or any of ctk.secrets.retired-keys (key ids configured: " + keyring.ids() + ")");
    }

    private static byte[] associatedData(String keyId, String binding) {
        return (V2 + keyId + ":" + binding).getBytes(StandardCharsets.UTF_8);
    }
}
