package io.quarterdeck.domain.identity;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A machine client of the client-credentials flow. Rotating its secret keeps the previous one valid until
 * {@code previousValidUntil}, so a fleet can move to the new secret without downtime.
 */
public record ServiceClient(String clientId, String name, Set<Scope> scopes, String secretHash,
                            String previousSecretHash, Instant previousValidUntil, Instant createdAt,
                            Instant disabledAt) {
    public ServiceClient {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(secretHash, "secretHash");
        Objects.requireNonNull(createdAt, "createdAt");
        scopes = Set.copyOf(scopes);
    }

    /** The hashes a presented secret may match at {@code now}: the current one, and the previous during rotation. */
    public boolean previousValidAt(Instant now) {
        return previousSecretHash != null && previousValidUntil != null && now.isBefore(previousValidUntil);
    }

    public ServiceClient rotated(String newHash, Instant previousUntil) {
        return new ServiceClient(clientId, name, scopes, newHash, secretHash, previousUntil, createdAt, disabledAt);
    }

    public ServiceClient disabled(Instant at) {
        return new ServiceClient(clientId, name, scopes, secretHash, previousSecretHash, previousValidUntil, createdAt,
                at);
    }
}
