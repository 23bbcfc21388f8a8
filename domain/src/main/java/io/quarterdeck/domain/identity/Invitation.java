package io.quarterdeck.domain.identity;

import java.time.Instant;
import java.util.Objects;

/** An invitation to join with a role: accepted once, with a one-time token of which only the hash is kept. */
public record Invitation(String id, String email, Role role, String tokenHash, String invitedBy, Instant createdAt,
                         Instant expiresAt, Instant acceptedAt) {
    public Invitation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public boolean openAt(Instant now) {
        return acceptedAt == null && now.isBefore(expiresAt);
    }
}
