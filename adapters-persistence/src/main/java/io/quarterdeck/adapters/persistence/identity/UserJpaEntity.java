package io.quarterdeck.adapters.persistence.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of {@code users}. */
@Entity
@Table(name = "users")
public class UserJpaEntity {
    @Id
    @Column(name = "id", length = 64)
    String id;
    @Column(name = "username", nullable = false, length = 64)
    String username;
    @Column(name = "email", length = 256)
    String email;
    @Column(name = "full_name", length = 200)
    String fullName;
    @Column(name = "role", nullable = false, length = 16)
    String role;
    @Column(name = "password_hash", nullable = false, length = 512)
    String passwordHash;
    @Column(name = "disabled", nullable = false)
    boolean disabled;
    @Column(name = "created_at", nullable = false)
    Instant createdAt;
    @Column(name = "last_active")
    Instant lastActive;
    @Column(name = "password_changed_at")
    Instant passwordChangedAt;

    protected UserJpaEntity() {
    }
}
