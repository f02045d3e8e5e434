package io.github.dqualizer.ctk.api;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing: after too many failed logins for one user name, or from one client
 * address, further attempts get 429 until the window passes. Limits are separate so a guessed-at
 * user does not lock out other users behind the same address.
 */
@Component
class AuthenticationThrottle {

    private final Properties properties;
    private final Cache<String, AtomicInteger> failuresByUser;
    private final Cache<String, AtomicInteger> failuresByAddress;

    AuthenticationThrottle(Properties properties) {
        this.properties = properties;
        this.failuresByUser = Caffeine.newBuilder().expireAfterWrite(properties.window()).maximumSize(100_000).build();
        this.failuresByAddress = Caffeine.newBuilder().expireAfterWrite(properties.window()).maximumSize(100_000).build();
    }

    boolean blocked(String username, String address) {
        return count(failuresByUser, username) >= properties.maxFailuresPerUser()
                || count(failuresByAddress, address) >= properties.maxFailuresPerAddress();
    }

    void failed(String username, String address) {
        if (username != null) {
            failuresByUser.get(username, key -> new AtomicInteger()).incrementAndGet();
        }
        if (address != null) {
            failuresByAddress.get(address, key -> new AtomicInteger()).incrementAndGet();
        }
    }

    Duration retryAfter() {
        return properties.window();
    }

    private static int count(Cache<String, AtomicInteger> cache, String key) {
        AtomicInteger failures = key == null ? null : cache.getIfPresent(key);
        return failures == null ? 0 : failures.get();
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
