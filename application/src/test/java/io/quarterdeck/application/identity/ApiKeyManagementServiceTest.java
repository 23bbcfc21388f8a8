package io.quarterdeck.application.identity;

import io.quarterdeck.application.port.in.identity.NewApiKey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarterdeck.application.apikeys.ApiKeyManagementService;
import io.quarterdeck.application.apikeys.ApiKeyService;
import io.quarterdeck.application.testing.InMemoryApiKeyRepository;
import io.quarterdeck.application.testing.InMemoryIdentityStores;
import io.quarterdeck.application.testing.TestClock;
import io.quarterdeck.domain.identity.Scope;
import io.quarterdeck.domain.shared.InvalidFieldException;
import io.quarterdeck.domain.shared.NotFoundException;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiKeyManagementServiceTest {
    private final TestClock clock = new TestClock(Instant.parse("2026-11-23T10:00:00Z"));
    private final InMemoryApiKeyRepository keys = new InMemoryApiKeyRepository();
    private final InMemoryIdentityStores.QuickHasher hasher = new InMemoryIdentityStores.QuickHasher();
    private final ApiKeyService authentication = new ApiKeyService(keys, hasher, (n, s) -> "nowhere", clock);
    private final ApiKeyManagementService management = new ApiKeyManagementService(keys, hasher, authentication, clock);

    @Test
    void a_created_key_is_shown_once_works_at_once_and_records_its_last_use() {
        var created = management.create(new NewApiKey("Development Key", Set.of(Scope.READ), null));
        assertTrue(created.secret().startsWith("qdk_"));
        assertEquals("qdk_****" + created.secret().substring(created.secret().length() - 4), created.key().preview());
        assertNull(created.key().lastUsed());
        clock.advance(Duration.ofMinutes(1));
        assertEquals(Set.of(Scope.READ), authentication.authenticate(created.secret()).orElseThrow().scopes());
        assertEquals(clock.instant(), keys.findById(created.key().id()).orElseThrow().lastUsed());
        assertEquals(1, management.list().size());
    }

    @Test
    void revocation_takes_effect_at_once_even_for_a_cached_key() {
        var created = management.create(new NewApiKey("ci", Set.of(Scope.READ, Scope.WRITE), null));
        assertTrue(authentication.authenticate(created.secret()).isPresent());
        management.revoke(created.key().id());
        assertTrue(authentication.authenticate(created.secret()).isEmpty());
        assertEquals(0, management.list().size());
        assertThrows(NotFoundException.class, () -> management.revoke(created.key().id()));
        assertThrows(NotFoundException.class, () -> management.revoke("nope"));
    }

    @Test
    void a_key_expires_and_bad_requests_are_refused() {
        var created = management.create(new NewApiKey("short-lived", Set.of(Scope.READ), clock.instant().plusSeconds(60)));
        assertTrue(authentication.authenticate(created.secret()).isPresent());
        clock.advance(Duration.ofSeconds(61));
        assertTrue(authentication.authenticate(created.secret()).isEmpty());
        assertThrows(InvalidFieldException.class, () -> management.create(new NewApiKey(" ", Set.of(Scope.READ), null)));
        assertThrows(InvalidFieldException.class, () -> management.create(new NewApiKey("x", Set.of(), null)));
        assertThrows(InvalidFieldException.class,
                () -> management.create(new NewApiKey("x", Set.of(Scope.READ), clock.instant().minusSeconds(1))));
    }
}
