package io.quarterdeck.adapters.persistence.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of {@code invitations}: the token's SHA-256, never the token. */
@Entity
@Table(name = "invitations")
public class InvitationJpaEntity {
    @Id
    @Column(name = "id", length = 64)
    String id;
    @Column(name = "email", nullable = false, length = 256)
    String email;
    @Column(name = "role", nullable = false, length = 16)
    String role;
    @Column(name = "token_hash", nullable = false, length = 64, columnDefinition = "CHAR(64)")
    String tokenHash;
    @Column(name = "invited_by", length = 200)
    String invitedBy;
    @Column(name = "created_at", nullable = false)
    Instant createdAt;
    @Column(name = "expires_at", nullable = false)
    Instant expiresAt;
    @Column(name = "accepted_at")
    Instant acceptedAt;

    protected InvitationJpaEntity() {
    }
}
