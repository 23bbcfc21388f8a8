package io.quarterdeck.domain.identity;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A stored API key: never the key itself, only its hash and a preview. A presented key has the form
 * {@code qdk_<id>_<secret>}; the id finds the record, the hash proves the whole key.
 */
public record ApiKey(String id, String name, String preview, String hash, Set<Scope> scopes, Instant createdAt,
                     Instant expiresAt, Instant lastUsed, Instant revokedAt) {
    public static final String PREFIX = "qdk_";

    public ApiKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(createdAt, "createdAt");
        scopes = Set.copyOf(scopes);
    }

    /** Usable at {@code now}: not revoked and not expired. */
    public boolean activeAt(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }

    /** The id part of a presented key, or null when it does not have the key's form. */
    public static String idOf(String presented) {
        if (presented == null || !presented.startsWith(PREFIX) || presented.length() > 200) {
            return null;
        }
        int sep = presented.indexOf('_', PREFIX.length());
        if (sep <= PREFIX.length() || sep == presented.length() - 1) {
            return null;
        }
        return presented.substring(PREFIX.length(), sep);
    }

    /** A preview safe to show: prefix and the last four characters. */
    public static String previewOf(String key) {
        return PREFIX + "****" + key.substring(key.length() - 4);
    }
}
