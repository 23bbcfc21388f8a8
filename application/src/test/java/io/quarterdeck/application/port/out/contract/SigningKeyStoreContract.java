package io.quarterdeck.application.port.out.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarterdeck.application.port.out.identity.SigningKeyStore;
import io.quarterdeck.application.port.out.identity.StoredSigningKey;
import io.quarterdeck.domain.shared.ConflictException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every implementation of {@link SigningKeyStore} must do (in memory, JDBC on H2 and PostgreSQL). */
public abstract class SigningKeyStoreContract {
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    /** A store over the shared database, emptied. */
    protected abstract SigningKeyStore store();

    /** A second store over the same database (another instance of the server). */
    protected abstract SigningKeyStore anotherStoreOnTheSameDatabase();

    protected abstract void deleteEverything();

    @BeforeEach
    void empty() {
        deleteEverything();
    }

    private static StoredSigningKey key(String kid, Instant created) {
        return new StoredSigningKey(kid, "{\"kty\":\"RSA\",\"kid\":\"" + kid + "\",\"n\":\"" + "n".repeat(342)
                + "\",\"e\":\"AQAB\"}", "v1." + "c".repeat(1700), created, null);
    }

    @Test
    void a_key_reads_back_whole_and_the_ring_is_oldest_first() {
        assertEquals(List.of(), store().all());
        StoredSigningKey second = key("kid-b", T0.plusSeconds(60));
        StoredSigningKey first = key("kid-a", T0);
        store().insert(second);
        store().insert(first);
        assertEquals(List.of(first, second), store().all());
        assertEquals(List.of(first, second), anotherStoreOnTheSameDatabase().all());
        StoredSigningKey retired = new StoredSigningKey("kid-c", first.publicJwk(), first.encryptedPrivateKey(),
                T0.minusSeconds(60), T0);
        store().insert(retired);
        assertEquals(retired, store().all().get(0));
    }

    @Test
    void a_kid_is_stored_once() {
        store().insert(key("kid-a", T0));
        ConflictException e = assertThrows(ConflictException.class,
                () -> anotherStoreOnTheSameDatabase().insert(key("kid-a", T0.plusSeconds(1))));
        assertTrue(e.getMessage().contains("kid-a"), e.getMessage());
        assertEquals(1, store().all().size());
    }

    @Test
    void a_rotation_retires_only_the_active_keys_created_before_the_new_one() {
        store().insert(new StoredSigningKey("old", key("old", T0).publicJwk(), "v1.x", T0, T0.plusSeconds(10)));
        store().insert(key("a", T0.plusSeconds(20)));
        store().insert(key("b", T0.plusSeconds(30)));
        store().insert(key("c", T0.plusSeconds(40)));

        assertEquals(2, anotherStoreOnTheSameDatabase().retireActiveCreatedBefore(T0.plusSeconds(40), T0.plusSeconds(45)));

        List<StoredSigningKey> ring = store().all();
        assertEquals(List.of("old", "a", "b", "c"), ring.stream().map(StoredSigningKey::kid).toList());
        assertEquals(T0.plusSeconds(10), ring.get(0).retiredAt(), "an already retired key keeps its date");
        assertEquals(T0.plusSeconds(45), ring.get(1).retiredAt());
        assertEquals(T0.plusSeconds(45), ring.get(2).retiredAt());
        assertTrue(ring.get(3).active(), "the newest key is never retired by its own rotation");
        assertEquals(0, store().retireActiveCreatedBefore(T0.plusSeconds(40), T0.plusSeconds(50)));
    }

    @Test
    void keys_retired_before_the_cut_off_are_forgotten_and_active_keys_never() {
        store().insert(new StoredSigningKey("gone", "{\"k\":1}", "v1.x", T0, T0.plusSeconds(10)));
        store().insert(new StoredSigningKey("kept", "{\"k\":2}", "v1.y", T0, T0.plusSeconds(100)));
        store().insert(new StoredSigningKey("active", "{\"k\":3}", "v1.z", T0, null));

        assertEquals(1, store().deleteRetiredBefore(T0.plusSeconds(50)));

        // Created at the same instant: ordered by kid.
        assertEquals(List.of("active", "kept"), store().all().stream().map(StoredSigningKey::kid).toList());
        assertEquals(1, store().deleteRetiredBefore(T0.plusSeconds(1000)));
        assertEquals(List.of("active"), store().all().stream().map(StoredSigningKey::kid).toList());
    }
}
