package io.github.dqualizer.ctk.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Checks a dqualizer user against the {@code users} table; successes are cached briefly under a keyed digest.
 * Every failure costs one comparison with a {@code {bcrypt}} hash: an unknown user, a wrong password on a
 * {@code {bcrypt}} row and one on a SHA-256 row take the same time, so the answer's timing does not tell which
 * users exist.
 */
@Component
class UserPasswordChecker {

    private final UserRepository users;
    private final PasswordEncoder modern;
    // compared against when no bcrypt comparison happened yet; its work factor is ctk.auth.decoy-work-factor
    private final String decoyHash;
    private final CredentialDigest digest = new CredentialDigest();
    private final Cache<String, Boolean> accepted;

    UserPasswordChecker(UserRepository users, AuthProperties properties, PasswordEncoder modern) {
        this.users = users;
        this.modern = modern;
        this.decoyHash = "{bcrypt}" + new BCryptPasswordEncoder(properties.decoyWorkFactor()).encode("no such user");
        this.accepted = Caffeine.newBuilder().expireAfterWrite(properties.cacheTtl()).maximumSize(10_000).build();
    }

    boolean accepts(String username, String password) {
        String key = digest.of(username, password);
        if (accepted.getIfPresent(key) != null) {
            return true;
        }
        String storedHash = users.findById(username).map(User::passwordHash).orElse(null);
        boolean ok = storedHash != null && PasswordHashes.matches(password, storedHash, modern);
        if (ok) {
            accepted.put(key, Boolean.TRUE);
        } else if (!PasswordHashes.modern(storedHash)) {
            modern.matches(password, decoyHash);
        }
        return ok;
    }
}
