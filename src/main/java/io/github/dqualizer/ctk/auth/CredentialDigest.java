package io.github.dqualizer.ctk.auth;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.util.HexFormat;

/**
 * Keyed digest of credential pairs, used as cache keys so no clear-text secret is ever kept.
 * The key is random per process: digests are useless outside this JVM.
 */
public final class CredentialDigest {

    private final SecretKeySpec key;

    public CredentialDigest() {
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        key = new SecretKeySpec(raw, "HmacSHA256");
    }

    /** The digest of the parts in order; each is length-prefixed, so no two different lists of parts collide. */
    public String of(String... parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            for (String part : parts) {
                byte[] bytes = part == null ? new byte[0] : part.getBytes(StandardCharsets.UTF_8);
                mac.update(ByteBuffer.allocate(Integer.BYTES).putInt(part == null ? -1 : bytes.length).array());
                mac.update(bytes);
            }
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
