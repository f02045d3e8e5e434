package io.github.dqualizer.ctk.auth;

/** Checks the four credentials exactly as the endpoint does (database account, then users table). */
public interface CredentialVerifier {

    /** True when both the database account and the dqualizer user are valid. Blocking (JDBC). */
    boolean verify(Credentials credentials);
}
