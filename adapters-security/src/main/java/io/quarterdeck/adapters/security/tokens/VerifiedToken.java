package io.quarterdeck.adapters.security.tokens;


import io.quarterdeck.domain.identity.Caller;
import java.util.Collection;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwt.JwtClaims;

/**
 * A bearer token that passed verification, as MicroProfile JWT's {@link JsonWebToken} (what
 * {@code SecurityContext.getUserPrincipal()} returns for token callers), with the caller it proves.
 */
public final class VerifiedToken implements JsonWebToken {
    private final String raw;
    private final JwtClaims claims;
    private final Caller caller;

    VerifiedToken(String raw, JwtClaims claims, Caller caller) {
        this.raw = raw;
        this.claims = claims;
        this.caller = caller;
    }

    public Caller caller() {
        return caller;
    }

    @Override
    public String getName() {
        return caller.name() != null ? caller.name() : caller.id();
    }

    @Override
    public Set<String> getClaimNames() {
        return Set.copyOf(claims.getClaimNames());
    }

    /** MicroProfile JWT's types: {@code groups} and {@code aud} as sets, numeric dates as longs. */
    @Override
    @SuppressWarnings("unchecked")
    public <T> T getClaim(String name) {
        if ("raw_token".equals(name)) {
            return (T) raw;
        }
        Object value = claims.getClaimValue(name);
        if (("groups".equals(name) || "aud".equals(name)) && value != null) {
            return (T) (value instanceof Collection<?> c ? Set.copyOf(c) : Set.of(value));
        }
        return (T) value;
    }

    @Override
    public Set<String> getGroups() {
        Set<String> groups = getClaim("groups");
        return groups == null ? Set.of() : groups;
    }

    @Override
    public String toString() {
        return "VerifiedToken[" + getName() + "]";
    }
}
