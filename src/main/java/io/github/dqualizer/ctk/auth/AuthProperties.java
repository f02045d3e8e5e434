package io.github.dqualizer.ctk.auth;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Authentication settings.
 *
 * @param databaseUrl        JDBC URL the {@code dbUsername}/{@code dbPassword} pair is checked against; defaults to the service's datasource URL
 * @param cacheTtl           how long a successful check is remembered (keyed by a salted digest, never the clear text)
 * @param connectTimeout     timeout when opening the checking connection
 * @param bootstrapDemoUser  create dqualizer's demo user ({@code demoUser}/{@code demo}) on the embedded H2 database
 * @param maxConcurrentAccountChecks how many database account checks (each a new connection) may run at once; more are
 *                           answered 503 at once
 * @param decoyWorkFactor    bcrypt log rounds of the decoy hash compared against when a login fails without a bcrypt
 *                           comparison of its own (unknown user, SHA-256 row); 10, as the encoder writes rows, keeps the
 *                           failure's cost equal to a wrong password on a {@code {bcrypt}} row
 */
@ConfigurationProperties("ctk.auth")
public record AuthProperties(String databaseUrl, Duration cacheTtl, Duration connectTimeout, boolean bootstrapDemoUser,
                             Integer maxConcurrentAccountChecks, Integer decoyWorkFactor) {

    public AuthProperties {
        cacheTtl = cacheTtl == null ? Duration.ofSeconds(30) : cacheTtl;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        maxConcurrentAccountChecks = maxConcurrentAccountChecks == null ? 8 : maxConcurrentAccountChecks;
        decoyWorkFactor = decoyWorkFactor == null ? 10 : decoyWorkFactor;
        if (decoyWorkFactor < 4 || decoyWorkFactor > 31) {
            throw new IllegalArgumentException("ctk.auth.decoy-work-factor must be between 4 and 31 (bcrypt log rounds), was " + decoyWorkFactor);
        }
    }
}
