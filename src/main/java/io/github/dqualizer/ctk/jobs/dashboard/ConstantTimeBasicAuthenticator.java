package io.github.dqualizer.ctk.jobs.dashboard;

import com.sun.net.httpserver.BasicAuthenticator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Basic auth for the one dashboard account; user and password are both always compared, in constant time. */
final class ConstantTimeBasicAuthenticator extends BasicAuthenticator {

    private final byte[] username;
    private final byte[] password;

    ConstantTimeBasicAuthenticator(DashboardCredentials credentials) {
        super("JobRunr dashboard", StandardCharsets.UTF_8);
        this.username = digest(credentials.username());
        this.password = digest(credentials.password());
    }

    @Override
    public boolean checkCredentials(String user, String pass) {
        // digests have one length, so even the length of the right values does not show in the timing
        boolean userOk = MessageDigest.isEqual(username, digest(user));
        boolean passOk = MessageDigest.isEqual(password, digest(pass));
        return userOk & passOk;
    }

    private static byte[] digest(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
