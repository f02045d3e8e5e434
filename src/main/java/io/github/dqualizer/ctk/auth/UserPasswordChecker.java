package io.github.dqualizer.ctk.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.stereotype.Component;

/** Checks a dqualizer user against the {@code users} table; successes are cached briefly under a keyed digest. */
@Component
class UserPasswordChecker {

    // compared against when the user does not exist, so both failures cost the same
    private static final String ABSENT_USER_HASH = PasswordHashes.sha256Hex("no such user");

    private final UserRepository users;
    private final CredentialDigest digest = new CredentialDigest();
    private final Cache<String, Boolean> accepted;

    UserPasswordChecker(UserRepository users, AuthProperties properties) {
        this.users = users;
        this.accepted = Caffeine.newBuilder().expireAfterWrite(properties.cacheTtl()).maximumSize(10_000).build();
    }

    boolean accepts(String username, String password) {
        String key = digest.of(username, password);
        if (accepted.getIfPresent(key) != null) {
            return true;
        }
        String storedHash = users.findById(username).map(User::passwordHash).orElse(null);
        boolean ok = PasswordHashes.matches(password, storedHash == null ? ABSENT_USER_HASH : storedHash)
                && storedHash != null;
        if (ok) {
            accepted.put(key, Boolean.TRUE);
        }
        return ok;
    }
}
