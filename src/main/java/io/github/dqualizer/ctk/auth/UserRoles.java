package io.github.dqualizer.ctk.auth;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Roles of dqualizer users ({@code user_roles}); a user without a row is a plain user. */
@Component
public class UserRoles {

    /** May list and stop every run, not only their own. */
    public static final String OPERATOR = "OPERATOR";

    private final JdbcTemplate jdbc;

    UserRoles(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Blocking (JDBC). */
    public boolean has(String username, String role) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM user_roles WHERE username = ? AND role = ?",
                Integer.class, username, role);
        return count != null && count > 0;
    }
}
