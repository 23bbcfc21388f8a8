package io.quarterdeck.adapters.rest.spine.security;

import io.quarterdeck.application.port.in.identity.Authentication;
import io.quarterdeck.domain.identity.Caller;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * A bearer-token caller as resources see it: MicroProfile JWT's {@link JsonWebToken} over the verified token (what
 * {@code SecurityContext.getUserPrincipal()} returns for token callers), with the caller it proves.
 */
final class TokenPrincipal implements JsonWebToken, AuthenticatedPrincipal {
    private final Caller caller;
    private final JsonWebToken token;

    TokenPrincipal(Authentication authentication) {
        this.caller = authentication.caller();
        this.token = (JsonWebToken) authentication.token();
    }

    @Override
    public Caller caller() {
        return caller;
    }

    @Override
    public String getName() {
        return token.getName();
    }

    @Override
    public Set<String> getClaimNames() {
        return token.getClaimNames();
    }

    @Override
    public <T> T getClaim(String name) {
        return token.getClaim(name);
    }

    @Override
    public String toString() {
        return "TokenPrincipal[" + getName() + "]";
    }
}
