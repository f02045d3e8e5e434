package io.github.dqualizer.ctk.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Rows of dqualizer's users table for tests, written like dqualizer's deployment writes them (SHA-256 hex). */
public final class TestUsers {

    public static final String DB_USER = "aDBUser";
    public static final String DB_PASSWORD = "aDBPw";
    public static final String DEMO_USER = "demoUser";
    public static final String DEMO_PASSWORD = "demo";
    public static final String OTHER_USER = "otherUser";
    public static final String OTHER_PASSWORD = "other-secret";

    private TestUsers() {
    }

    public static void ensure(DataSource dataSource) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        put(jdbc, DEMO_USER, sha256Hex(DEMO_PASSWORD));
        put(jdbc, OTHER_USER, sha256Hex(OTHER_PASSWORD));
    }

    /** Adds the demo user's four credential headers. */
    public static <S extends WebTestClient.RequestHeadersSpec<?>> S authorized(S spec) {
        spec.header("dbUsername", DB_USER).header("dbPassword", DB_PASSWORD)
                .header("username", DEMO_USER).header("password", DEMO_PASSWORD);
        return spec;
    }

    /** A user with the OPERATOR role (a {@code user_roles} row). */
    public static void putOperator(DataSource dataSource, String username, String password) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        put(jdbc, username, sha256Hex(password));
        jdbc.update("DELETE FROM user_roles WHERE username = ?", username);
        jdbc.update("INSERT INTO user_roles (username, role) VALUES (?, 'OPERATOR')", username);
    }

    public static void put(JdbcTemplate jdbc, String username, String hash) {
        jdbc.update("DELETE FROM users WHERE username = ?", username);
        jdbc.update("INSERT INTO users (username, password_hash) VALUES (?, ?)", username, hash);
    }

    public static String sha256Hex(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
