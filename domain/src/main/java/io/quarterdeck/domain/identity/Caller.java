package io.quarterdeck.domain.identity;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * Who is calling, however they proved it: a person (a role on the ladder), a service client or an API key
 * (scopes). {@code tokenId} and {@code tokenExpiresAt} are set when a bearer token carried the identity.
 */
public record Caller(Kind kind, String id, String name, Role role, Set<Scope> scopes, String tokenId,
                     Instant tokenExpiresAt) {
    public enum Kind { USER, SERVICE, API_KEY }

    public Caller {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(role, "role");
        scopes = Set.copyOf(scopes);
        if (kind == Kind.USER && !role.onLadder()) {
            throw new IllegalArgumentException("a person has a role on the ladder");
        }
    }

    public static Caller user(String id, String name, Role role, String tokenId, Instant tokenExpiresAt) {
        return new Caller(Kind.USER, id, name, role, Set.of(), tokenId, tokenExpiresAt);
    }

    public static Caller service(String id, String name, Set<Scope> scopes, String tokenId, Instant tokenExpiresAt) {
        return new Caller(Kind.SERVICE, id, name, Role.SERVICE, scopes, tokenId, tokenExpiresAt);
    }

    public static Caller apiKey(ApiKeyPrincipal key) {
        return new Caller(Kind.API_KEY, key.keyId(), key.name(), Role.SERVICE, key.scopes(), null, null);
    }

    /**
     * May this caller use an endpoint that a person needs {@code minimum} for and a machine needs one of
     * {@code anyScope} for? An empty {@code anyScope} closes the endpoint to machines.
     */
    public boolean mayAccess(Role minimum, Set<Scope> anyScope) {
        if (role.onLadder()) {
            return role.includes(minimum);
        }
        for (Scope s : anyScope) {
            if (scopes.contains(s)) {
                return true;
            }
        }
        return false;
    }

    public boolean isPerson() {
        return kind == Kind.USER;
    }

    /** A person known only to an external OIDC issuer (no local account here). */
    public boolean isExternal() {
        return kind == Kind.USER && id.startsWith(EXTERNAL_PREFIX);
    }

    /** The id of a person of an external issuer, from the issuer's subject. */
    public static String externalId(String subject) {
        return EXTERNAL_PREFIX + subject;
    }

    private static final String EXTERNAL_PREFIX = "oidc:";
}
