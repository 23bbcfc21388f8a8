package io.quarterdeck.domain.identity;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/** What an access token says about its bearer: {@code type} is {@code user} or {@code service}. */
public record AccessTokenClaims(String subject, String upn, Role role, String type, Set<Scope> scopes, String jti,
                                Instant issuedAt, Instant expiresAt) {
    public AccessTokenClaims {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(jti, "jti");
        scopes = Set.copyOf(scopes);
    }
}
