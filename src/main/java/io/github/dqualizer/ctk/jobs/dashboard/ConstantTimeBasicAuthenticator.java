package io.github.dqualizer.ctk.jobs.dashboard;

import com.sun.net.httpserver.BasicAuthenticator;
import com.sun.net.httpserver.HttpExchange;
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

    /** A malformed {@code Authorization} header (not base64) is one more 401, not an error of the server. */
    @Override
    public Result authenticate(HttpExchange exchange) {
        try {
            return super.authenticate(exchange);
        } catch (IllegalArgumentException malformed) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"" + getRealm() + "\", charset=\"UTF-8\"");
            return new Retry(401);
        }
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
