package io.quarterdeck.application.port.out.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarterdeck.application.port.out.apikeys.ApiKeyRepository;
import io.quarterdeck.domain.identity.ApiKey;
import io.quarterdeck.domain.identity.Scope;
import java.time.Instant;
import java.util.EnumSet;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link ApiKeyRepository} must do. */
public abstract class ApiKeyRepositoryContract {
    private static final Instant T0 = Instant.parse("2025-01-20T10:30:00Z");

    protected abstract <T> T inTransaction(Function<ApiKeyRepository, T> work);

    protected abstract void deleteEverything();

    private boolean holds(Function<ApiKeyRepository, Boolean> check) {
        return inTransaction(check);
    }

    @BeforeEach
    void empty() {
        deleteEverything();
    }

    private static ApiKey key(String id) {
        return new ApiKey(id, "ci key " + id, "qdk_****" + id.substring(id.length() - 4),
                "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA", EnumSet.of(Scope.READ, Scope.INGEST),
                T0, T0.plusSeconds(3600), null, null);
    }

    @Test
    void a_stored_key_reads_back_with_every_field() {
        ApiKey k = key("abcdef123456");
        inTransaction(r -> {
            r.insert(k);
            return null;
        });
        assertEquals(k, inTransaction(r -> r.findById("abcdef123456")).orElseThrow());
        assertEquals(1L, inTransaction(ApiKeyRepository::count));
    }

    @Test
    void unknown_ids_are_absent_and_count_counts() {
        assertTrue(inTransaction(r -> r.findById("nope00000000")).isEmpty());
        assertEquals(0L, inTransaction(ApiKeyRepository::count));
        inTransaction(r -> {
            r.insert(key("aaaaaaaa0001"));
            r.insert(key("aaaaaaaa0002"));
            return null;
        });
        assertEquals(2L, inTransaction(ApiKeyRepository::count));
    }

    @Test
    void an_id_cannot_be_stored_twice() {
        inTransaction(r -> {
            r.insert(key("dupdupdup001"));
            return null;
        });
        assertThrows(RuntimeException.class, () -> inTransaction(r -> {
            r.insert(key("dupdupdup001"));
            return null;
        }));
        assertEquals(1L, inTransaction(ApiKeyRepository::count));
    }

    @Test
    void revoking_hides_a_key_from_the_active_list_once_and_touch_keeps_the_latest_use() {
        inTransaction(r -> {
            r.insert(key("bbbbbbbb0001"));
            r.insert(key("bbbbbbbb0002"));
            return null;
        });
        assertTrue(holds(r -> r.revoke("bbbbbbbb0001", T0.plusSeconds(5))));
        assertFalse(holds(r -> r.revoke("bbbbbbbb0001", T0.plusSeconds(6))));
        assertFalse(holds(r -> r.revoke("nope00000000", T0)));
        assertEquals(java.util.List.of("bbbbbbbb0002"),
                inTransaction(r -> r.listActive().stream().map(ApiKey::id).toList()));
        assertEquals(T0.plusSeconds(5), inTransaction(r -> r.findById("bbbbbbbb0001")).orElseThrow().revokedAt());

        inTransaction(r -> {
            r.touch("bbbbbbbb0002", T0.plusSeconds(60));
            r.touch("bbbbbbbb0002", T0.plusSeconds(30));
            return null;
        });
        assertEquals(T0.plusSeconds(60), inTransaction(r -> r.findById("bbbbbbbb0002")).orElseThrow().lastUsed());
    }
}
