package io.github.dqualizer.ctk.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * Checks a database account the way the prototype did: by letting the database itself accept or
 * refuse a connection with it. Successes are cached briefly under a keyed digest.
 */
@Component
class DatabaseAccountChecker {

    private static final Logger log = LoggerFactory.getLogger(DatabaseAccountChecker.class);

    private final String url;
    private final int connectTimeoutSeconds;
    private final CredentialDigest digest = new CredentialDigest();
    private final Cache<String, Boolean> accepted;

    DatabaseAccountChecker(AuthProperties properties, DataSourceProperties dataSource) {
        this.url = properties.databaseUrl() == null || properties.databaseUrl().isBlank()
                ? dataSource.determineUrl() : properties.databaseUrl();
        this.connectTimeoutSeconds = (int) Math.max(1, properties.connectTimeout().toSeconds());
        this.accepted = Caffeine.newBuilder().expireAfterWrite(properties.cacheTtl()).maximumSize(1_000).build();
    }

    boolean accepts(String username, String password) {
        String key = digest.of(username, password);
        if (accepted.getIfPresent(key) != null) {
            return true;
        }
        if (connects(username, password)) {
            accepted.put(key, Boolean.TRUE);
            return true;
        }
        return false;
    }

    private boolean connects(String username, String password) {
        Properties props = new Properties();
        props.setProperty("user", username);
        props.setProperty("password", password);
        // MySQL Connector/J: fail fast instead of hanging on an unreachable server
        props.setProperty("connectTimeout", String.valueOf(connectTimeoutSeconds * 1000));
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
