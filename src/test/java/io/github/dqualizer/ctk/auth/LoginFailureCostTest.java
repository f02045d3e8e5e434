package io.github.dqualizer.ctk.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * An unknown user and a wrong password on a {@code {bcrypt}} or SHA-256 row cost the same work: exactly one bcrypt
 * comparison each (counted on the real encoder, not timed), so the answer's timing does not tell which users exist.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "spring.datasource.url=jdbc:h2:mem:ctk-login-cost;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
        "ctk.dashboard.enabled=false",
        "jobrunr.background-job-server.enabled=false",
        "ctk.secrets.key-file=target/test-secrets.key"})
class LoginFailureCostTest {

    @Autowired
    UserRepository users;
    @Autowired
    AuthProperties properties;

    @Test
    void unknownUserAndWrongPasswordsEachCostOneBcryptComparison() {
        CountingEncoder encoder = new CountingEncoder(PasswordHashes.modernEncoder());
        users.save(new User("bcrypt-row", encoder.encode("right")));
        users.save(new User("sha-row", PasswordHashes.sha256Hex("right")));
        UserPasswordChecker checker = new UserPasswordChecker(users, properties, encoder);

        assertThat(comparisons(encoder, () -> checker.accepts("no-such-user", "guess"))).isEqualTo(1);
        assertThat(comparisons(encoder, () -> checker.accepts("bcrypt-row", "guess"))).isEqualTo(1);
        assertThat(comparisons(encoder, () -> checker.accepts("sha-row", "guess"))).isEqualTo(1);
        assertThat(checker.accepts("bcrypt-row", "right")).isTrue();
        assertThat(checker.accepts("sha-row", "right")).isTrue();
    }

    @Test
    void decoyComparisonWhenWorkFactorConfiguredThenDecoyHashHasThoseRounds() {
        CountingEncoder encoder = new CountingEncoder(PasswordHashes.modernEncoder());
        AuthProperties defaults = new AuthProperties(null, null, null, false, null, null);
        AuthProperties cheap = new AuthProperties(null, null, null, false, null, 4);

        new UserPasswordChecker(users, defaults, encoder).accepts("no-such-user", "guess");
        assertThat(encoder.lastEncoded).startsWith("{bcrypt}$2a$10$");
        new UserPasswordChecker(users, cheap, encoder).accepts("no-such-user", "guess");
        assertThat(encoder.lastEncoded).startsWith("{bcrypt}$2a$04$");
    }

    @Test
    void decoyWorkFactorWhenOutOfBcryptRangeThenRefusedNamingTheProperty() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new AuthProperties(null, null, null, false, null, 3))
                .hasMessageContaining("ctk.auth.decoy-work-factor");
    }

    private static int comparisons(CountingEncoder encoder, java.util.function.BooleanSupplier check) {
        int before = encoder.matches.get();
        assertThat(check.getAsBoolean()).isFalse();
        return encoder.matches.get() - before;
    }

    /** The real delegating encoder, counting its comparisons. */
    private static final class CountingEncoder implements PasswordEncoder {
        final AtomicInteger matches = new AtomicInteger();
        volatile String lastEncoded;
        private final PasswordEncoder real;

        CountingEncoder(PasswordEncoder real) {
            this.real = real;
        }

        @Override
        public String encode(CharSequence raw) {
            return real.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            matches.incrementAndGet();
            lastEncoded = encoded;
            return real.matches(raw, encoded);
        }
    }
}
