package io.github.dqualizer.ctk.api;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing: after too many failed logins for one user name, or from one client
 * address, further attempts get 429 until the window passes. Limits are separate so a guessed-at
 * user does not lock out other users behind the same address.
 * <p>
 * An attempt is counted <em>before</em> its credentials are checked and given back only when they turn out
 * right (or could not be checked): checking first and counting after let parallel guesses all through.
 */
@Component
class AuthenticationThrottle {

    private final Properties properties;
    private final Cache<String, Integer> attemptsByUser;
    private final Cache<String, Integer> attemptsByAddress;
    private final ConcurrentMap<String, SharedCount> inFlight = new ConcurrentHashMap<>();

    AuthenticationThrottle(Properties properties) {
        this.properties = properties;
        this.attemptsByUser = counters(properties.window());
        this.attemptsByAddress = counters(properties.window());
    }

    /** Counts an attempt of this user from this address; null when either has no attempts left in the window. */
    Attempt attempt(String username, String address) {
        if (!reserve(attemptsByUser, username, properties.maxFailuresPerUser())) {
            return null;
        }
        if (!reserve(attemptsByAddress, address, properties.maxFailuresPerAddress())) {
            release(attemptsByUser, username);
            return null;
        }
        return new Attempt(() -> {
            release(attemptsByUser, username);
            release(attemptsByAddress, address);
        }, () -> { });
    }

    /**
     * Counts an attempt of these credentials ({@code credentialsKey}, a digest of all four and the address): attempts
     * with the same key while one is being checked share its count, and it is settled when the last of them is (a
     * failure if any of them failed). Null when the user or address has no attempts left in the window.
     */
    Attempt attempt(String username, String address, String credentialsKey) {
        boolean[] throttled = {false};
        SharedCount shared = inFlight.compute(credentialsKey, (key, current) -> {
            if (current != null) {
                current.holders++;
                return current;
            }
            Attempt counted = attempt(username, address);
            if (counted == null) {
                throttled[0] = true;
                return null;
            }
            return new SharedCount(counted);
        });
        return throttled[0] ? null : new Attempt(() -> leave(credentialsKey, false), () -> leave(credentialsKey, true));
    }

    private void leave(String credentialsKey, boolean failed) {
        inFlight.computeIfPresent(credentialsKey, (key, shared) -> {
            shared.failed |= failed;
            if (--shared.holders > 0) {
                return shared;
            }
            if (shared.failed) {
                shared.counted.failed();
            } else {
                shared.counted.giveBack();
            }
            return null;
        });
    }

    /** One counted attempt and the requests holding it (guarded by the map's per-key lock). */
    private static final class SharedCount {
        private final Attempt counted;
        private int holders = 1;
        private boolean failed;

        private SharedCount(Attempt counted) {
            this.counted = counted;
        }
    }

    Duration retryAfter() {
        return properties.window();
    }

    /** One counted attempt; it stays counted (a failure) unless it is given back once. */
    static final class Attempt {

        private final Runnable release;
        private final Runnable keep;
        private final AtomicBoolean settled = new AtomicBoolean();

        private Attempt(Runnable release, Runnable keep) {
            this.release = release;
            this.keep = keep;
        }

        /** The credentials were right, or could not be checked (database down, too busy, client gone): not a failure. */
        void giveBack() {
            if (settled.compareAndSet(false, true)) {
                release.run();
            }
        }

        /** The credentials were wrong: the attempt stays counted. */
        void failed() {
            if (settled.compareAndSet(false, true)) {
                keep.run();
            }
        }
    }

    private static boolean reserve(Cache<String, Integer> attempts, String key, int max) {
        if (key == null) {
            return true;
        }
        boolean[] reserved = {false};
        // compute is atomic per key: no two attempts can both take the last one left
        attempts.asMap().compute(key, (k, count) -> {
            int current = count == null ? 0 : count;
            if (current >= max) {
                return count;
            }
            reserved[0] = true;
            return current + 1;
        });
        return reserved[0];
    }

    private static void release(Cache<String, Integer> attempts, String key) {
        if (key != null) {
            attempts.asMap().computeIfPresent(key, (k, count) -> count <= 1 ? null : count - 1);
        }
    }

    /** Counters whose window runs from the first counted attempt; later counts do not extend it. */
    private static Cache<String, Integer> counters(Duration window) {
        return Caffeine.newBuilder().maximumSize(100_000).expireAfter(new Expiry<String, Integer>() {
            @Override
            public long expireAfterCreate(String key, Integer count, long now) {
                return window.toNanos();
            }

            @Override
            public long expireAfterUpdate(String key, Integer count, long now, long remaining) {
                return remaining;
            }

            @Override
            public long expireAfterRead(String key, Integer count, long now, long remaining) {
                return remaining;
            }
        }).build();
    }

    /**
     * @param maxFailuresPerUser    failed logins for one user name per window before 429
     * @param maxFailuresPerAddress failed logins from one client address per window before 429
     * @param window                how long failures are counted (from the first one)
     */
    @ConfigurationProperties("ctk.auth.throttle")
    record Properties(Integer maxFailuresPerUser, Integer maxFailuresPerAddress, Duration window) {

        Properties {
            maxFailuresPerUser = maxFailuresPerUser == null ? 10 : maxFailuresPerUser;
            maxFailuresPerAddress = maxFailuresPerAddress == null ? 1000 : maxFailuresPerAddress;
            window = window == null ? Duration.ofMinutes(1) : window;
        }
    }
}
