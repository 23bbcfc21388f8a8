package io.quarterdeck.application.port.in.identity;

import io.quarterdeck.domain.identity.Role;
import java.util.Objects;

/** What signing in or refreshing gives: an access token, a one-time refresh token (null for service clients). */
public record TokenPair(String accessToken, String refreshToken, long expiresInSeconds, String subject, Role role) {
    public TokenPair {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(role, "role");
    }
}
