package io.github.dqualizer.ctk.auth;

/** The four credentials of the prototype: a database account and a dqualizer user. */
public record Credentials(String dbUsername, String dbPassword, String username, String password) {

    public boolean complete() {
        return dbUsername != null && dbPassword != null && username != null && password != null;
    }

    @Override
    public String toString() {
        return "Credentials[dbUsername=" + dbUsername + ", username=" + username + ", passwords=***]";
    }
}
