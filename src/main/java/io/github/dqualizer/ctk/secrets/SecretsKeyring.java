package io.github.dqualizer.ctk.secrets;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The current key, which encrypts, and the retired keys, which only decrypt what they once encrypted. Each key's id
 * is derived from the key itself (a truncated SHA-256 fingerprint), so an operator configures keys only and cannot
 * give two keys one id; the id names the key in stored blobs and in log lines without revealing it.
 */
public final class SecretsKeyring {

    private static final byte[] ID_LABEL = "ctk.secrets key id\0".getBytes(StandardCharsets.US_ASCII);

    private final String currentId;
    /** Current first, then retired in the configured order: the order legacy blobs (no key id) are tried in. */
    private final Map<String, SecretKey> keys;

    /** @param current the 32 key bytes that encrypt; @param retired earlier keys (32 bytes each), decrypting only */
    public SecretsKeyring(byte[] current, List<byte[]> retired) {
        Map<String, SecretKey> all = new LinkedHashMap<>();
        currentId = idOf(current);
        all.put(currentId, new SecretKeySpec(current, "AES"));
        for (byte[] key : retired) {
            all.putIfAbsent(idOf(key), new SecretKeySpec(key, "AES"));
        }
        keys = Collections.unmodifiableMap(all);
    }

    public String currentId() {
        return currentId;
    }

    SecretKey current() {
        return keys.get(currentId);
    }

    Optional<SecretKey> byId(String id) {
        return Optional.ofNullable(keys.get(id));
    }

    /** Every key id, current first. */
    public List<String> ids() {
        return List.copyOf(keys.keySet());
    }

    Iterable<SecretKey> all() {
        return keys.values();
    }

    /** 16 hex digits of SHA-256 over a label and the key: names a 256-bit random key without weakening it. */
    static String idOf(byte[] key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(ID_LABEL);
            return HexFormat.of().formatHex(sha.digest(key), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
