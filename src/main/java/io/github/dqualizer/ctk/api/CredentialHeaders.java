package io.github.dqualizer.ctk.api;

import io.github.dqualizer.ctk.auth.Credentials;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpHeaders;

/** Reads the prototype's four credential headers. */
final class CredentialHeaders {

    static final String DB_USERNAME = "dbUsername";
    static final String DB_PASSWORD = "dbPassword";
    static final String USERNAME = "username";
    static final String PASSWORD = "password";

    private CredentialHeaders() {
    }

    /** The credential headers a request lacks, in the prototype's order. */
    static List<String> missing(Credentials credentials) {
        List<String> missing = new ArrayList<>();
        if (credentials.dbUsername() == null) {
            missing.add(DB_USERNAME);
        }
        if (credentials.dbPassword() == null) {
            missing.add(DB_PASSWORD);
        }
        if (credentials.username() == null) {
            missing.add(USERNAME);
        }
        if (credentials.password() == null) {
            missing.add(PASSWORD);
        }
        return missing;
    }

    static Credentials from(HttpHeaders headers) {
        return new Credentials(headers.getFirst(DB_USERNAME), headers.getFirst(DB_PASSWORD),
                headers.getFirst(USERNAME), headers.getFirst(PASSWORD));
    }
}
