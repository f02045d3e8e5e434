package io.github.dqualizer.ctk.jobs.dashboard;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.springframework.modulith.NamedInterface;

/**
 * The one operator account of the service: it opens the JobRunr dashboard and the actuator's metrics on the API
 * port ({@code api}'s actuator filter). Absent when the dashboard is disabled and no account is configured.
 */
@NamedInterface("dashboard-account")
public final class DashboardAccount {

    private static final DashboardAccount NONE = new DashboardAccount(null);

    private final DashboardCredentials credentials;
    private final byte[] username;
    private final byte[] password;

    private DashboardAccount(DashboardCredentials credentials) {
        this.credentials = credentials;
        this.username = credentials == null ? null : digest(credentials.username());
        this.password = credentials == null ? null : digest(credentials.password());
    }

    static DashboardAccount of(DashboardCredentials credentials) {
        return new DashboardAccount(credentials);
    }

    static DashboardAccount none() {
        return NONE;
    }

    public boolean exists() {
        return credentials != null;
    }

    /** Both values are always compared, in constant time: neither the user nor the length shows in the timing. */
    public boolean matches(String user, String pass) {
        if (credentials == null || user == null || pass == null) {
            return false;
        }
        boolean userOk = MessageDigest.isEqual(username, digest(user));
        boolean passOk = MessageDigest.isEqual(password, digest(pass));
        return userOk & passOk;
    }

    Optional<DashboardCredentials> credentials() {
        return Optional.ofNullable(credentials);
    }

    static byte[] digest(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    @Override
    public String toString() {
        return "DashboardAccount[" + (credentials == null ? "none" : credentials) + "]";
    }
}
