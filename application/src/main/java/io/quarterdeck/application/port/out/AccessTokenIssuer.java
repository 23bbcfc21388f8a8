package io.quarterdeck.application.port.out;

import io.quarterdeck.domain.identity.Role;
import io.quarterdeck.domain.identity.Scope;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/** Signs access tokens (RS256 JWTs with the current key). */
public interface AccessTokenIssuer {
    String issue(Claims claims);

    /** What an access token says: {@code type} is {@code user} or {@code service}. */
    record Claims(String subject, String upn, Role role, String type, Set<Scope> scopes, String jti, Instant issuedAt,
                  Instant expiresAt) {
        public Claims {
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(jti, "jti");
            scopes = Set.copyOf(scopes);
        }
    }
}
