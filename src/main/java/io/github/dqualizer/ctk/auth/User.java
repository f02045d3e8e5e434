package io.github.dqualizer.ctk.auth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of dqualizer's {@code users} table. */
@Entity
@Table(name = "users")
class User {

    @Id
    @Column(name = "username", length = 50)
    private String username;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    protected User() {
    }

    User(String username, String passwordHash) {
        this.username = username;
        this.passwordHash = passwordHash;
    }

    String passwordHash() {
        return passwordHash;
    }
}
