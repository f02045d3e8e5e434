package io.github.dqualizer.ctk.auth;

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
final class CredentialDigest {

    private final SecretKeySpec key;

    CredentialDigest() {
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        key = new SecretKeySpec(raw, "HmacSHA256");
    }

    String of(String first, String second) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(first.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(second.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
