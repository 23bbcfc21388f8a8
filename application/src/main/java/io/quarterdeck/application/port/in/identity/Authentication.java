package io.quarterdeck.application.port.in.identity;

import io.quarterdeck.domain.identity.Caller;
import java.security.Principal;
import java.util.Objects;

/**
 * A credential that proved who is calling: the caller, and for a bearer token the verified token itself (as the
 * security adapter exposes it, for example MicroProfile JWT's {@code JsonWebToken}); {@code token} is null for an
 * API key.
 */
public record Authentication(Caller caller, Principal token) {
    public Authentication {
        Objects.requireNonNull(caller, "caller");
    }

    public boolean byBearerToken() {
        return token != null;
    }
}
