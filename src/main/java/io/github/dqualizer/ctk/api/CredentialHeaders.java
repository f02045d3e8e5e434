package io.github.dqualizer.ctk.api;

import io.github.dqualizer.ctk.auth.Credentials;
import org.springframework.http.HttpHeaders;

/** Reads the prototype's four credential headers. */
final class CredentialHeaders {

    static final String DB_USERNAME = "dbUsername";
    static final String DB_PASSWORD = "dbPassword";
    static final String USERNAME = "username";
    static final String PASSWORD = "password";

    private CredentialHeaders() {
    }

    static Credentials from(HttpHeaders headers) {
        return new Credentials(headers.getFirst(DB_USERNAME), headers.getFirst(DB_PASSWORD),
                headers.getFirst(USERNAME), headers.getFirst(PASSWORD));
    }
}
