package io.github.dqualizer.ctk.auth;

import org.springframework.stereotype.Component;

/** The prototype's two-step check: the database accepts the account, then the users table knows the user. */
@Component
class DatabaseCredentialVerifier implements CredentialVerifier {

    private final DatabaseAccountChecker databaseAccounts;
    private final UserPasswordChecker users;

    DatabaseCredentialVerifier(DatabaseAccountChecker databaseAccounts, UserPasswordChecker users) {
        this.databaseAccounts = databaseAccounts;
        this.users = users;
    }

    @Override
    public boolean verify(Credentials credentials) {
        if (credentials == null || !credentials.complete()) {
            return false;
        }
        return databaseAccounts.accepts(credentials.dbUsername(), credentials.dbPassword())
                && users.accepts(credentials.username(), credentials.password());
    }
}
