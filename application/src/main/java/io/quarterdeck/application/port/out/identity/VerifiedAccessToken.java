package io.quarterdeck.application.port.out.identity;

import io.quarterdeck.domain.identity.Caller;
import java.security.Principal;
import java.time.Instant;
import java.util.Objects;

/** A token that verified: whom it names, when it was issued (null when it does not say), and the token itself. */
public record VerifiedAccessToken(Caller caller, Instant issuedAt, Principal token) {
    public VerifiedAccessToken {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(token, "token");
    }
}
