package io.github.dqualizer.ctk.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * Checks a database account the way the prototype did: by letting the database itself accept or
 * refuse a connection with it. Successes are cached briefly under a keyed digest.
 * <p>
 * Each check opens a real, unpooled connection on the caller's (bounded elastic) thread, so their number is
 * bounded ({@code ctk.auth.max-concurrent-account-checks}; one more is refused at once with
 * {@link AccountChecksBusyException}, never queued), and callers that present the same account while it is
 * being checked share that one check instead of opening a connection each.
 */
@Component
class DatabaseAccountChecker {

    private static final Logger log = LoggerFactory.getLogger(DatabaseAccountChecker.class);

    private final String url;
    private final int connectTimeoutSeconds;
    private final CredentialDigest digest = new CredentialDigest();
    private final Cache<String, Boolean> accepted;
    private final int maxConcurrentChecks;
    private final Semaphore checks;
    private final ConcurrentMap<String, CompletableFuture<Boolean>> running = new ConcurrentHashMap<>();

    DatabaseAccountChecker(AuthProperties properties, DataSourceProperties dataSource) {
        this.url = properties.databaseUrl() == null || properties.databaseUrl().isBlank()
                ? dataSource.determineUrl() : properties.databaseUrl();
        this.connectTimeoutSeconds = (int) Math.max(1, properties.connectTimeout().toSeconds());
        this.accepted = Caffeine.newBuilder().expireAfterWrite(properties.cacheTtl()).maximumSize(1_000).build();
        this.maxConcurrentChecks = properties.maxConcurrentAccountChecks();
        this.checks = new Semaphore(maxConcurrentChecks);
    }

    /**
     * True when the database accepts the account. Blocking (JDBC).
     *
     * @throws AccountChecksBusyException when the bound of concurrent checks is reached
     * @throws DataAccessResourceFailureException when the database cannot be reached
     */
    boolean accepts(String username, String password) {
        String key = digest.of(username, password);
        if (accepted.getIfPresent(key) != null) {
            return true;
        }
        CompletableFuture<Boolean> mine = new CompletableFuture<>();
        CompletableFuture<Boolean> other = running.putIfAbsent(key, mine);
        if (other != null) {
            return shared(other);
        }
        try {
            boolean ok = checked(username, password);
            if (ok) {
                accepted.put(key, Boolean.TRUE);
            }
            mine.complete(ok);
            return ok;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            running.remove(key, mine);
        }
    }

    /** The answer of the check already running for the same account; it ends within the connect and socket timeouts. */
    private static boolean shared(CompletableFuture<Boolean> check) {
        try {
            return check.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private boolean checked(String username, String password) {
        if (!checks.tryAcquire()) {
            throw new AccountChecksBusyException(maxConcurrentChecks);
        }
        try {
            return connects(username, password);
        } finally {
            checks.release();
        }
    }

    private boolean connects(String username, String password) {
        Properties props = new Properties();
        props.setProperty("user", username);
        props.setProperty("password", password);
        // MySQL Connector/J: fail fast instead of hanging on an unreachable server
        props.setProperty("connectTimeout", String.valueOf(connectTimeoutSeconds * 1000));
        // ... nor on a server that accepted the socket but never finishes the handshake
        props.setProperty("socketTimeout", String.valueOf(connectTimeoutSeconds * 1000));
        DriverManager.setLoginTimeout(connectTimeoutSeconds);
        try (Connection ignored = DriverManager.getConnection(url, props)) {
            return true;
        } catch (SQLException e) {
            if (unreachable(e)) {
                // not a refusal: the caller gets 503 and no failed attempt is counted against them
                throw new DataAccessResourceFailureException("The database cannot be reached to check an account", e);
            }
            // the message names the account but never the password
            log.info("Database refused account '{}': {}", username, e.getSQLState());
            return false;
        }
    }

    /** SQLState class 08 is "connection exception" (server down, network, too many connections); 28000 is a refusal. */
    static boolean unreachable(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("08");
    }
}
