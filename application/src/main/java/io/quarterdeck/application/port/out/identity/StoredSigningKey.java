package io.quarterdeck.application.port.out.identity;

import java.time.Instant;
import java.util.Objects;

/**
 * One signing key as the key store keeps it: its id (RFC 7638 thumbprint), the public half as a JWK (JSON), the
 * private half encrypted by the key ring (opaque text; the store never sees it in the clear), when it was created and,
 * once a newer key took over, when it was retired.
 */
public record StoredSigningKey(String kid, String publicJwk, String encryptedPrivateKey, Instant createdAt,
                               Instant retiredAt) {
    public StoredSigningKey {
        if (kid == null || kid.isBlank() || kid.length() > 64) {
            throw new IllegalArgumentException("kid must be 1 to 64 characters");
        }
        if (publicJwk == null || publicJwk.isBlank() || publicJwk.length() > 4096) {
            throw new IllegalArgumentException("publicJwk must be 1 to 4096 characters");
        }
        if (encryptedPrivateKey == null || encryptedPrivateKey.isBlank() || encryptedPrivateKey.length() > 8192) {
            throw new IllegalArgumentException("encryptedPrivateKey must be 1 to 8192 characters");
        }
        Objects.requireNonNull(createdAt, "createdAt");
        if (retiredAt != null && retiredAt.isBefore(createdAt)) {
            throw new IllegalArgumentException("a key cannot be retired before it was created");
        }
    }

    /** Still current or a candidate for current (not retired). */
    public boolean active() {
        return retiredAt == null;
    }

    /** Leaves out the encrypted private key. */
    @Override
    public String toString() {
        return "StoredSigningKey[kid=" + kid + ", createdAt=" + createdAt + ", retiredAt=" + retiredAt + "]";
    }
}
