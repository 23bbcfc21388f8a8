package io.quarterdeck.application.port.out.identity;

import java.time.Instant;
import java.util.List;

/**
 * The signing key ring shared by every instance on one database. The current key is the newest active one; a
 * rotation adds a key, then retires the active keys created before it, so two instances rotating at once never
 * leave the ring without an active key. Each call stands alone (no surrounding transaction is needed).
 */
public interface SigningKeyStore {
    /** Every stored key, oldest first. */
    List<StoredSigningKey> all();

    /** Adds a key. */
    void insert(StoredSigningKey key);

    /** Retires every active key created before {@code createdBefore}; returns how many. */
    int retireActiveCreatedBefore(Instant createdBefore, Instant retiredAt);

    /** Forgets keys retired before {@code cutOff} (their tokens have all expired); returns how many. */
    int deleteRetiredBefore(Instant cutOff);
}
