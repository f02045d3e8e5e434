package io.github.dqualizer.ctk.providers.host;

import io.github.dqualizer.ctk.auth.CredentialVerifier;
import io.github.dqualizer.ctk.auth.Credentials;
import java.util.HashMap;
import java.util.Map;

/**
 * Stands in for the database-backed {@link CredentialVerifier} (tested separately with MySQL):
 * accepts exactly one fixed set of the four credentials.
 */
final class FixedCredentialVerifier implements CredentialVerifier {

    static final Credentials VALID = new Credentials("aDBUser", "aDBPw", "demoUser", "demo");

    @Override
    public boolean verify(Credentials credentials) {
        return VALID.equals(credentials);
    }

    /** The provider arguments of a call with valid credentials plus {@code more}. */
    static Map<String, Object> validArguments(Object... more) {
        Map<String, Object> arguments = credentialArguments(VALID);
        for (int i = 0; i < more.length; i += 2) {
            arguments.put((String) more[i], more[i + 1]);
        }
        return arguments;
    }

    static Map<String, Object> credentialArguments(Credentials credentials) {
        Map<String, Object> arguments = new HashMap<>();
        arguments.put("db_username", credentials.dbUsername());
        arguments.put("db_password", credentials.dbPassword());
        arguments.put("username", credentials.username());
        arguments.put("password", credentials.password());
        return arguments;
    }
}
