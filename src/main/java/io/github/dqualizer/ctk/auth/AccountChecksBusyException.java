package io.github.dqualizer.ctk.auth;

/** As many database account checks as allowed ({@code ctk.auth.max-concurrent-account-checks}) are already running. */
public class AccountChecksBusyException extends RuntimeException {

    public AccountChecksBusyException(int limit) {
        super("All " + limit + " database account checks are in use");
    }
}
