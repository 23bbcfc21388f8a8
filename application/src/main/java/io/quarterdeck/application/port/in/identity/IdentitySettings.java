package io.quarterdeck.application.port.in.identity;

import java.time.Duration;
import java.util.Objects;

/**
 * How identities behave: token lifetimes (access 15 minutes and refresh 7 days by default), whether people may
 * register themselves (off by default), how long a rotated client secret stays valid, how long invitations last.
 */
public record IdentitySettings(Duration accessTokenTtl, Duration refreshTokenTtl, boolean registrationOpen,
                               Duration secretRotationOverlap, Duration invitationTtl) {
    public IdentitySettings {
        Objects.requireNonNull(accessTokenTtl, "accessTokenTtl");
        Objects.requireNonNull(refreshTokenTtl, "refreshTokenTtl");
        if (accessTokenTtl.isNegative() || accessTokenTtl.isZero() || refreshTokenTtl.compareTo(accessTokenTtl) < 0) {
            throw new IllegalArgumentException("token lifetimes must be positive, refresh at least as long as access");
        }
    }

    public static IdentitySettings defaults() {
        return new IdentitySettings(Duration.ofMinutes(15), Duration.ofDays(7), false, Duration.ofHours(24),
                Duration.ofDays(7));
    }
}
