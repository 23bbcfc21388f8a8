package io.quarterdeck.application.apikeys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.quarterdeck.application.port.out.apikeys.ApiKeyRepository;
import io.quarterdeck.application.port.out.identity.BootstrapSecretSink;
import io.quarterdeck.application.testing.InMemoryApiKeyRepository;
import io.quarterdeck.application.testing.TestClock;
import io.quarterdeck.domain.identity.ApiKey;
import io.quarterdeck.domain.identity.ApiKeyPrincipal;
import io.quarterdeck.domain.identity.Scope;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ApiKeyServiceTest {
    private static final Instant T0 = Instant.parse("2025-01-20T10:30:00Z");
    private static final String GENERATED = "qdk_[0-9A-Za-z]{12}_[0-9A-Za-z]{40}";

    private final InMemoryApiKeyRepository stored = new InMemoryApiKeyRepository();
    private final CountingKeys keys = new CountingKeys(stored);
    private final SaltedSha256Hasher hasher = new SaltedSha256Hasher();
    private final RecordingSink sink = new RecordingSink();
    private final TestClock clock = new TestClock(T0);
    private final ApiKeyService service = new ApiKeyService(keys, hasher, sink, clock);

    @AfterEach
    void releaseHeldThreads() {
        hasher.release.countDown();
    }

    /** Stores a key as an operator would have created it; returns the full key to present. */
    private String storeKey(String id, Set<Scope> scopes, Instant expiresAt, Instant revokedAt) {
        String key = ApiKey.PREFIX + id + "_" + "s3cr3t" + id + "0123456789abcdefghijklmnopqrstuv";
        stored.insert(new ApiKey(id, "ci key", ApiKey.previewOf(key), hasher.hash(key), scopes, T0.minusSeconds(60),
                expiresAt, null, revokedAt));
        return key;
    }

    private String storeKey(String id) {
        return storeKey(id, EnumSet.of(Scope.READ), null, null);
    }

    private ApiKey theOnlyKey() {
        assertEquals(1, stored.count());
        return stored.findById(ApiKey.idOf(sink.secrets.isEmpty() ? null : sink.secrets.get(0))).orElseThrow();
    }

    // ---- bootstrap -----------------------------------------------------------------------------------------

    @Test
    void bootstrap_on_an_empty_store_creates_a_full_key_and_delivers_its_secret_once() {
        Optional<String> where = service.bootstrap(Optional.empty());

        assertEquals(Optional.of(RecordingSink.LOCATION), where);
        assertEquals(List.of("bootstrap-api-key"), sink.names);
        String secret = sink.secrets.get(0);
        assertTrue(secret.matches(GENERATED), secret);
        ApiKey key = theOnlyKey();
        assertEquals("bootstrap", key.name());
        assertEquals(Set.of(Scope.READ, Scope.WRITE, Scope.INGEST), key.scopes());
        assertEquals(T0, key.createdAt());
        assertNull(key.expiresAt());
        assertNull(key.revokedAt());
    }

    @Test
    void the_bootstrap_key_is_stored_as_a_hash_and_a_preview_never_as_its_secret() {
        service.bootstrap(Optional.empty());
        String secret = sink.secrets.get(0);
        String secretPart = secret.substring(secret.lastIndexOf('_') + 1);

        ApiKey key = theOnlyKey();

        assertEquals(1, hasher.hashes.get());
        assertNotEquals(secret, key.hash());
        assertFalse(key.toString().contains(secretPart), "no stored field carries the secret");
        assertTrue(hasher.verify(secret, key.hash()), "the stored hash proves the delivered key");
        assertEquals("qdk_****" + secret.substring(secret.length() - 4), key.preview());
    }

    @Test
    void bootstrap_does_nothing_once_a_key_exists() {
        service.bootstrap(Optional.empty());

        assertEquals(Optional.empty(), service.bootstrap(Optional.empty()));
        assertEquals(Optional.empty(), service.bootstrap(Optional.of("qdk_presetid0001_" + "p".repeat(40))));

        assertEquals(1, sink.secrets.size(), "the secret was handed out exactly once");
        assertEquals(1, stored.count());
        assertTrue(stored.findById("presetid0001").isEmpty());
    }

    @Test
    void two_bootstraps_generate_different_keys() {
        service.bootstrap(Optional.empty());
        stored.clear();

        service.bootstrap(Optional.empty());

        assertEquals(2, sink.secrets.size());
        assertNotEquals(sink.secrets.get(0), sink.secrets.get(1));
    }

    @Test
    void the_generated_bootstrap_key_authenticates_with_every_bootstrap_scope() {
        service.bootstrap(Optional.empty());
        String secret = sink.secrets.get(0);

        ApiKeyPrincipal principal = service.authenticate(secret).orElseThrow();

        assertEquals(ApiKey.idOf(secret), principal.keyId());
        assertEquals("bootstrap", principal.name());
        assertTrue(principal.has(Scope.READ) && principal.has(Scope.WRITE) && principal.has(Scope.INGEST));
        assertFalse(principal.has(Scope.OPERATE));
    }

    @Test
    void a_preset_bootstrap_key_is_stored_trimmed_and_not_delivered_anywhere() {
        String preset = "qdk_presetid0001_" + "p".repeat(40);

        Optional<String> where = service.bootstrap(Optional.of("  " + preset + "\n"));

        assertEquals(Optional.of("preset by configuration"), where);
        assertEquals(List.of(), sink.secrets);
        ApiKey key = stored.findById("presetid0001").orElseThrow();
        assertNotEquals(preset, key.hash());
        assertFalse(key.toString().contains("p".repeat(40)));
        assertEquals("presetid0001", service.authenticate(preset).orElseThrow().keyId());
    }

    @Test
    void a_malformed_or_short_preset_key_is_refused_and_nothing_is_stored() {
        assertThrows(IllegalArgumentException.class,
                () -> service.bootstrap(Optional.of("this-is-not-an-api-key-but-it-is-long-enough")));
        assertThrows(IllegalArgumentException.class, () -> service.bootstrap(Optional.of("qdk_short_secret")));

        assertEquals(0, stored.count());
        assertEquals(List.of(), sink.secrets);
    }

    @Test
    void a_blank_preset_means_generate_and_deliver() {
        assertEquals(Optional.of(RecordingSink.LOCATION), service.bootstrap(Optional.of("   ")));

        assertEquals(1, sink.secrets.size());
        assertTrue(sink.secrets.get(0).matches(GENERATED));
    }

    // ---- authentication ------------------------------------------------------------------------------------

    @Test
    void the_right_key_authenticates_as_its_record_with_its_scopes() {
        String key = storeKey("abcdef123456", EnumSet.of(Scope.READ, Scope.INGEST), null, null);

        ApiKeyPrincipal principal = service.authenticate(key).orElseThrow();

        assertEquals(new ApiKeyPrincipal("abcdef123456", "ci key", Set.of(Scope.READ, Scope.INGEST)), principal);
    }

    @Test
    void a_wrong_secret_for_a_known_id_is_rejected_even_right_after_the_right_one_was_accepted() {
        String key = storeKey("abcdef123456");
        assertTrue(service.authenticate(key).isPresent());

        assertEquals(Optional.empty(), service.authenticate("qdk_abcdef123456_not-the-secret"));
        assertEquals(Optional.empty(), service.authenticate(key + "x"));
        assertEquals(Optional.empty(), service.authenticate(key.substring(0, key.length() - 1)));
    }

    @Test
    void an_unknown_id_is_rejected_without_computing_a_proof() {
        storeKey("abcdef123456");

        assertEquals(Optional.empty(), service.authenticate("qdk_unknown00001_whatever-secret"));

        assertEquals(1, keys.lookups.get());
        assertEquals(0, hasher.verifications.get());
    }

    @Test
    void malformed_tokens_are_rejected_without_touching_the_store_or_the_hasher() {
        String valid = storeKey("abcdef123456");
        List<String> malformed = new ArrayList<>(Arrays.asList(null, "", "abcdef123456", "qdk_", "qdk_abc",
                "qdk__secret", "qdk_abcdef123456_", "QDK_abcdef123456_secret", "Bearer " + valid, " " + valid,
                valid + "x".repeat(200 - valid.length() + 1)));

        for (String token : malformed) {
            assertEquals(Optional.empty(), service.authenticate(token), () -> "accepted " + token);
        }

        assertEquals(0, keys.lookups.get());
        assertEquals(0, hasher.verifications.get());
    }

    @Test
    void a_revoked_key_is_rejected() {
        String key = storeKey("abcdef123456", EnumSet.of(Scope.READ), null, T0.minusSeconds(1));

        assertEquals(Optional.empty(), service.authenticate(key));
    }

    @Test
    void an_expired_key_is_rejected() {
        String key = storeKey("abcdef123456", EnumSet.of(Scope.READ), T0, null);

        assertEquals(Optional.empty(), service.authenticate(key));
    }

    // ---- the proven-key cache ------------------------------------------------------------------------------

    @Test
    void a_proven_key_is_remembered_for_the_cache_ttl_and_then_proven_again() {
        String key = storeKey("abcdef123456");
        assertTrue(service.authenticate(key).isPresent());
        clock.advance(ApiKeyService.CACHE_TTL.minusMillis(1));

        assertTrue(service.authenticate(key).isPresent());
        assertEquals(1, hasher.verifications.get(), "served from memory within the TTL");

        clock.advance(Duration.ofMillis(1));
        assertTrue(service.authenticate(key).isPresent());
        assertEquals(2, hasher.verifications.get(), "proven again once the TTL is over");
        assertEquals(2, keys.lookups.get());
    }

    @Test
    void a_wrong_secret_is_never_remembered() {
        storeKey("abcdef123456");

        service.authenticate("qdk_abcdef123456_wrong");
        service.authenticate("qdk_abcdef123456_wrong");

        assertEquals(2, hasher.verifications.get());
    }

    @Test
    void a_remembered_key_stops_working_the_moment_it_expires() {
        String key = storeKey("abcdef123456", EnumSet.of(Scope.READ), T0.plusSeconds(10), null);
        assertTrue(service.authenticate(key).isPresent());

        clock.advance(Duration.ofSeconds(10));

        assertEquals(Optional.empty(), service.authenticate(key));
    }

    @Test
    void forgetting_proven_keys_makes_a_revocation_take_effect_at_once() {
        String key = storeKey("abcdef123456");
        assertTrue(service.authenticate(key).isPresent());
        ApiKey current = stored.findById("abcdef123456").orElseThrow();
        stored.clear();
        stored.insert(new ApiKey(current.id(), current.name(), current.preview(), current.hash(), current.scopes(),
                current.createdAt(), current.expiresAt(), current.lastUsed(), T0));
        assertTrue(service.authenticate(key).isPresent(), "still remembered: revocation needs forgetProvenKeys");

        service.forgetProvenKeys();

        assertEquals(Optional.empty(), service.authenticate(key));
    }

    @Test
    void a_full_cache_is_emptied_so_memory_stays_bounded() {
        List<String> presented = new ArrayList<>();
        for (int i = 0; i <= ApiKeyService.CACHE_MAX; i++) {
            presented.add(storeKey(String.format("key%09d", i)));
        }
        for (int i = 0; i < ApiKeyService.CACHE_MAX; i++) {
            assertTrue(service.authenticate(presented.get(i)).isPresent());
        }
        assertTrue(service.authenticate(presented.get(0)).isPresent());
        assertEquals(ApiKeyService.CACHE_MAX, hasher.verifications.get(), "all remembered up to the maximum");

        assertTrue(service.authenticate(presented.get(ApiKeyService.CACHE_MAX)).isPresent());
        assertTrue(service.authenticate(presented.get(0)).isPresent());

        assertEquals(ApiKeyService.CACHE_MAX + 2, hasher.verifications.get(),
                "one more key emptied the cache, so the first key was proven again");
    }

    @Test
    void concurrent_first_requests_with_one_key_compute_its_proof_once() throws Exception {
        String key = storeKey("abcdef123456");
        hasher.holdFirstVerification = true;
        List<FutureTask<Optional<ApiKeyPrincipal>>> calls = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            FutureTask<Optional<ApiKeyPrincipal>> call = new FutureTask<>(() -> service.authenticate(key));
            calls.add(call);
            threads.add(new Thread(call, "request-" + i));
        }
        threads.get(0).start();
        assertTrue(hasher.firstVerificationEntered.await(20, TimeUnit.SECONDS), "the first request is proving");
        for (Thread t : threads.subList(1, threads.size())) {
            t.start();
        }
        for (Thread t : threads.subList(1, threads.size())) {
            // Each one either waits for the prover (BLOCKED) or, were there no single flight, already ran on.
            awaitState(t, Thread.State.BLOCKED, Thread.State.TERMINATED);
        }

        hasher.release.countDown();

        for (FutureTask<Optional<ApiKeyPrincipal>> call : calls) {
            assertEquals("abcdef123456", call.get(20, TimeUnit.SECONDS).orElseThrow().keyId());
        }
        assertEquals(1, hasher.verifications.get(), "the waiting requests used the first one's proof");
        assertEquals(1, hasher.maxConcurrentVerifications.get());
        assertEquals(1, keys.lookups.get(), "and took no database round trip of their own");
    }

    private static void awaitState(Thread thread, Thread.State... states) {
        Set<Thread.State> wanted = Set.of(states);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!wanted.contains(thread.getState())) {
            if (System.nanoTime() > deadline) {
                fail(thread.getName() + " never reached " + wanted + ", is " + thread.getState());
            }
            Thread.onSpinWait();
            Thread.yield();
        }
    }

    /** Delivers into memory and says where, as the file sink would. */
    private static final class RecordingSink implements BootstrapSecretSink {
        static final String LOCATION = "/run/quarterdeck/bootstrap-api-key (owner-only)";
        final List<String> names = new CopyOnWriteArrayList<>();
        final List<String> secrets = new CopyOnWriteArrayList<>();

        @Override
        public String deliver(String name, String secret) {
            names.add(name);
            secrets.add(secret);
            return LOCATION;
        }
    }

    /** The in-memory repository, counting lookups. */
    private static final class CountingKeys implements ApiKeyRepository {
        private final ApiKeyRepository delegate;
        final AtomicInteger lookups = new AtomicInteger();

        CountingKeys(ApiKeyRepository delegate) {
            this.delegate = delegate;
        }

        @Override
        public void insert(ApiKey key) {
            delegate.insert(key);
        }

        @Override
        public Optional<ApiKey> findById(String id) {
            lookups.incrementAndGet();
            return delegate.findById(id);
        }

        @Override
        public long count() {
            return delegate.count();
        }

        @Override
        public java.util.List<ApiKey> listActive() {
            return delegate.listActive();
        }

        @Override
        public boolean revoke(String id, java.time.Instant at) {
            return delegate.revoke(id, at);
        }

        @Override
        public void touch(String id, java.time.Instant at) {
            delegate.touch(id, at);
        }
    }
}
