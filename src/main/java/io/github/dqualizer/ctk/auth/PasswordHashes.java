package io.github.dqualizer.ctk.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Compares a password with a stored hash: dqualizer's plain SHA-256 hex, or a modern
 * {@code {id}}-prefixed hash (bcrypt, argon2, pbkdf2, scrypt) so operators can upgrade rows.
 */
final class PasswordHashes {

    private static final PasswordEncoder MODERN = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    private PasswordHashes() {
    }

    static boolean matches(String password, String storedHash) {
        return matches(password, storedHash, MODERN);
    }

    /** True for a {@code {id}}-prefixed hash (bcrypt, argon2 …), false for dqualizer's SHA-256 hex. */
    static boolean modern(String storedHash) {
        return storedHash != null && storedHash.startsWith("{");
    }

    static PasswordEncoder modernEncoder() {
        return MODERN;
    }

    static boolean matches(String password, String storedHash, PasswordEncoder modern) {
        if (storedHash == null) {
            return false;
        }
        if (storedHash.startsWith("{")) {
            try {
                return modern.matches(password, storedHash);
            } catch (IllegalArgumentException unknownId) {
                return false;
            }
        }
        byte[] expected = storedHash.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        byte[] actual = sha256Hex(password).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, actual);
    }

    static String sha256Hex(String value) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
