package io.quarterdeck.adapters.security.tokens;

import io.quarterdeck.adapters.security.SecuritySettings;
import io.quarterdeck.adapters.security.keys.JwtKeyRing;
import io.quarterdeck.adapters.security.keys.KeyDecryptionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.quarterdeck.application.port.in.identity.IdentitySettings;
import io.quarterdeck.application.port.out.identity.StoredSigningKey;
import io.quarterdeck.application.testing.InMemorySigningKeyStore;
import io.quarterdeck.application.testing.TestClock;
import io.quarterdeck.domain.identity.AccessTokenClaims;
import io.quarterdeck.domain.identity.AuthenticationFailedException;
import io.quarterdeck.domain.identity.Caller;
import io.quarterdeck.domain.identity.GroupRoleMapping;
import io.quarterdeck.domain.identity.NotPermittedException;
import io.quarterdeck.domain.identity.Role;
import io.quarterdeck.domain.identity.Scope;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The token attacks of issue 3, against the real key ring, issuer and verifier; the external issuer is a real HTTP
 * server publishing its JWKS (the shape Keycloak and every OIDC provider serve at {@code jwks_uri}).
 */
class TokenVerificationTest {
    private static final String IDP_ISSUER = "https://idp.example/realms/acme";
    @TempDir
    Path dataDir;
    private final TestClock clock = new TestClock(Instant.now());
    private final IdentitySettings settings = IdentitySettings.defaults();
    private final InMemorySigningKeyStore store = new InMemorySigningKeyStore();
    private SecuritySettings security;
    private JwtKeyRing keys;
    private Jose4jAccessTokenIssuer issuer;
    private BearerTokenVerifier verifier;
    private HttpServer idp;
    private RsaJsonWebKey idpKey;
    private final AtomicInteger jwksFetches = new AtomicInteger();
    private volatile List<JsonWebKey> published;
    private volatile String cacheControl = "no-cache";

    @BeforeEach
    void setUp() throws Exception {
        idpKey = RsaJwkGenerator.generateJwk(2048);
        idpKey.setKeyId("idp-1");
        published = List.of(idpKey);
        idp = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        idp.createContext("/realms/acme/protocol/openid-connect/certs", exchange -> {
            jwksFetches.incrementAndGet();
            byte[] body = new JsonWebKeySet(published).toJson().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            if (cacheControl != null) {
                exchange.getResponseHeaders().add("Cache-Control", cacheControl);
            }
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        idp.start();
        security = SecuritySettings.defaults(dataDir).withOidc(IDP_ISSUER,
                URI.create("http://127.0.0.1:" + idp.getAddress().getPort() + "/realms/acme/protocol/openid-connect/certs"),
                Optional.empty(), "groups", GroupRoleMapping.parse("role-map", "sre=operator, platform-admins=admin, readers=viewer"));
        build(security);
    }

    private void build(SecuritySettings s) {
        keys = new JwtKeyRing(s, settings, clock, store);
        issuer = new Jose4jAccessTokenIssuer(keys, s);
        verifier = new BearerTokenVerifier(keys, s, clock);
    }

    @AfterEach
    void tearDown() {
        idp.stop(0);
    }

    /** The refusal's reason, for the audit log. */
    private String refusal(String token) {
        return assertThrows(AuthenticationFailedException.class, () -> verifier.verifyToken(token)).reason();
    }

    /** Nothing of the presented token in what is written down: no 8 characters of it in a row. */
    private static void assertQuotesNothingOf(String token, String reason) {
        for (int i = 0; i + 8 <= token.length(); i++) {
            String piece = token.substring(i, i + 8);
            assertFalse(reason.contains(piece), "the reason quotes '" + piece + "' of the token: " + reason);
        }
    }

    private String idpToken(List<String> groups, RsaJsonWebKey key, String kid) throws Exception {
        JwtClaims c = new JwtClaims();
        c.setIssuer(IDP_ISSUER);
        c.setSubject("f81d4fae-7dec");
        c.setClaim("preferred_username", "grace");
        c.setStringListClaim("groups", groups);
        c.setIssuedAtToNow();
        c.setExpirationTimeMinutesInTheFuture(5);
        c.setGeneratedJwtId();
        return sign(c, key.getPrivateKey(), kid, AlgorithmIdentifiers.RSA_USING_SHA256);
    }

    private String ours(Role role, String type, Instant issued, Duration ttl) {
        return issuer.issue(new AccessTokenClaims("u-1", "ada", role, type,
                type.equals("service") ? Set.of(Scope.READ, Scope.OPERATE) : Set.of(), "jti-" + issued.toEpochMilli(),
                issued, issued.plus(ttl)));
    }

    private static JwtClaims claims(String iss, String sub, Instant exp) {
        JwtClaims c = new JwtClaims();
        c.setIssuer(iss);
        c.setAudience("quarterdeck");
        c.setSubject(sub);
        c.setClaim("role", "admin");
        c.setClaim("type", "user");
        c.setJwtId("j-" + sub);
        c.setIssuedAtToNow();
        c.setExpirationTime(NumericDate.fromSeconds(exp.getEpochSecond()));
        return c;
    }

    private static String sign(JwtClaims claims, java.security.Key key, String kid, String alg) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key);
        if (kid != null) {
            jws.setKeyIdHeaderValue(kid);
        }
        jws.setAlgorithmHeaderValue(alg);
        jws.setDoKeyValidation(false);
        return jws.getCompactSerialization();
    }

    @Test
    void our_token_verifies_into_the_caller_it_names() {
        VerifiedToken t = verifier.verifyToken(ours(Role.OPERATOR, "user", Instant.now(), Duration.ofMinutes(15)));
        Caller c = t.caller();
        assertEquals(Caller.Kind.USER, c.kind());
        assertEquals("u-1", c.id());
        assertEquals("ada", c.name());
        assertEquals(Role.OPERATOR, c.role());
        assertEquals("ada", t.getName());
        assertEquals(Set.of("operator"), Set.copyOf(t.getGroups()));
        assertEquals("quarterdeck", t.getIssuer());
        assertTrue(t.getClaimNames().containsAll(Set.of("sub", "upn", "groups", "role", "type", "iss", "exp", "iat", "jti")));

        Caller svc = verifier.verifyToken(ours(Role.SERVICE, "service", Instant.now(), Duration.ofMinutes(15))).caller();
        assertEquals(Caller.Kind.SERVICE, svc.kind());
        assertEquals(Set.of(Scope.READ, Scope.OPERATE), svc.scopes());
    }

    @Test
    void an_expired_token_is_refused() {
        String t = ours(Role.ADMIN, "user", Instant.now().minus(Duration.ofMinutes(20)), Duration.ofMinutes(15));
        assertEquals("token refused: expired", refusal(t));
        assertQuotesNothingOf(t, refusal(t));
    }

    @Test
    void a_token_signed_by_another_key_under_our_kid_is_refused() throws Exception {
        JwtClaims claims = claims("quarterdeck", "u-1", Instant.now().plusSeconds(600));
        String genuine = sign(claims, keys.signingKey().getPrivateKey(), keys.signingKey().getKeyId(),
                AlgorithmIdentifiers.RSA_USING_SHA256);
        assertEquals("u-1", verifier.verifyToken(genuine).caller().id(), "the same helper's well-signed token passes");

        RsaJsonWebKey forger = RsaJwkGenerator.generateJwk(2048);
        String forged = sign(claims, forger.getPrivateKey(), keys.signingKey().getKeyId(),
                AlgorithmIdentifiers.RSA_USING_SHA256);
        assertEquals("token refused: bad signature", refusal(forged));
        assertQuotesNothingOf(forged, refusal(forged));
    }

    @Test
    void a_token_from_another_issuer_is_refused_even_when_signed_by_our_key() throws Exception {
        JwtClaims good = claims("quarterdeck", "u-1", Instant.now().plusSeconds(600));
        assertEquals("u-1", verifier.verifyToken(sign(good, keys.signingKey().getPrivateKey(), keys.signingKey().getKeyId(),
                AlgorithmIdentifiers.RSA_USING_SHA256)).caller().id(), "the same helper's well-signed token passes");

        String t = sign(claims("evil", "u-1", Instant.now().plusSeconds(600)), keys.signingKey().getPrivateKey(),
                keys.signingKey().getKeyId(), AlgorithmIdentifiers.RSA_USING_SHA256);
        assertEquals("token refused: issuer not accepted", refusal(t));
        JwtClaims noAudience = claims("quarterdeck", "u-1", Instant.now().plusSeconds(600));
        noAudience.setAudience("someone-else");
        String t2 = sign(noAudience, keys.signingKey().getPrivateKey(), keys.signingKey().getKeyId(),
                AlgorithmIdentifiers.RSA_USING_SHA256);
        assertEquals("token refused: audience not accepted", refusal(t2));
    }

    @Test
    void alg_none_is_refused() throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims("quarterdeck", "u-1", Instant.now().plusSeconds(600)).toJson());
        jws.setAlgorithmConstraints(org.jose4j.jwa.AlgorithmConstraints.NO_CONSTRAINTS);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.NONE);
        String unsigned = jws.getCompactSerialization();
        assertEquals("token refused: signature algorithm not accepted (RS256 only)", refusal(unsigned));
        // The classic variant: a valid token with its signature cut off and the header rewritten to none.
        String valid = ours(Role.OWNER, "user", Instant.now(), Duration.ofMinutes(5));
        assertEquals(Role.OWNER, verifier.verifyToken(valid).caller().role(), "the untouched token passes");
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String stripped = header + "." + valid.split("\\.")[1] + ".";
        assertEquals("token refused: signature algorithm not accepted (RS256 only)", refusal(stripped));
        assertQuotesNothingOf(stripped, refusal(stripped));
    }

    @Test
    void hs256_signed_with_our_public_key_is_refused() throws Exception {
        byte[] publicKeyBytes = keys.signingKey().getRsaPublicKey().getEncoded();
        String confused = sign(claims("quarterdeck", "u-1", Instant.now().plusSeconds(600)), new HmacKey(publicKeyBytes),
                keys.signingKey().getKeyId(), AlgorithmIdentifiers.HMAC_SHA256);
        assertEquals("token refused: signature algorithm not accepted (RS256 only)", refusal(confused));
        String pem = keys.publicJwks();
        String confused2 = sign(claims("quarterdeck", "u-1", Instant.now().plusSeconds(600)),
                new HmacKey(pem.getBytes(StandardCharsets.UTF_8)), keys.signingKey().getKeyId(),
                AlgorithmIdentifiers.HMAC_SHA256);
        assertEquals("token refused: signature algorithm not accepted (RS256 only)", refusal(confused2));
    }

    @Test
    void malformed_tokens_are_refused() {
        assertEquals("empty or oversized token", refusal(""));
        assertEquals("empty or oversized token", refusal("x".repeat(20_000)));
        for (String junk : List.of("abc", "a.b.c", "eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOjF9.c2ln")) {
            String reason = refusal(junk);
            assertEquals("malformed token", reason, junk);
            assertQuotesNothingOf(junk, reason);
        }
        assertEquals("token refused: no kid", refusal("eyJhbGciOiJSUzI1NiJ9.e30."));
    }

    @Test
    void a_refusal_reason_never_quotes_the_token() throws Exception {
        String valid = ours(Role.ADMIN, "user", Instant.now(), Duration.ofMinutes(5));
        verifier.verifyToken(valid);
        String[] parts = valid.split("\\.");
        // Tampered payload (the classic privilege escalation), tampered signature, expired, unknown kid.
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"admin\"", "\"owner\"");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        char last = parts[2].charAt(10);
        String badSignature = parts[0] + "." + parts[1] + "." + parts[2].substring(0, 10) + (last == 'A' ? 'B' : 'A')
                + parts[2].substring(11);
        String expired = ours(Role.ADMIN, "user", Instant.now().minus(Duration.ofHours(2)), Duration.ofMinutes(15));
        String unknownKid = sign(claims("quarterdeck", "u-1", Instant.now().plusSeconds(600)),
                RsaJwkGenerator.generateJwk(2048).getPrivateKey(), "kid-nobody-has", AlgorithmIdentifiers.RSA_USING_SHA256);
        String external = idpToken(List.of("sre"), RsaJwkGenerator.generateJwk(2048), "idp-9");
        for (String token : List.of(tampered, badSignature, expired, unknownKid, external)) {
            String reason = refusal(token);
            assertQuotesNothingOf(token, reason);
            assertFalse(reason.contains("kid-nobody-has") || reason.contains("idp-9") || reason.contains("ada"), reason);
        }
        assertEquals("token refused: bad signature", refusal(tampered));
        assertEquals("token refused: bad signature", refusal(badSignature));
        assertEquals("token refused: no signing key of ours has the token's kid", refusal(unknownKid));
        assertEquals("token refused: the issuer's JWKS has no key with the token's kid", refusal(external));
    }

    @Test
    void a_rotated_key_keeps_verifying_its_tokens_until_they_expire_and_the_jwks_lists_both() throws Exception {
        String before = ours(Role.VIEWER, "user", Instant.now(), Duration.ofMinutes(15));
        String oldKid = keys.signingKey().getKeyId();
        String newKid = keys.rotate();
        String after = ours(Role.VIEWER, "user", Instant.now(), Duration.ofMinutes(15));
        verifier.verifyToken(before);
        verifier.verifyToken(after);
        JsonWebKeySet jwks = new JsonWebKeySet(keys.publicJwks());
        assertEquals(Set.of(oldKid, newKid), Set.copyOf(jwks.getJsonWebKeys().stream().map(k -> k.getKeyId()).toList()));
        assertTrue(!keys.publicJwks().contains("\"d\""), "the JWKS must not contain private parts");

        // A restart reads the same ring: the new key is current and the old one still verifies.
        JwtKeyRing reloaded = new JwtKeyRing(security, settings, clock, store);
        assertEquals(newKid, reloaded.signingKey().getKeyId());
        assertEquals(2, reloaded.verificationKeys().size());

        clock.advance(Duration.ofMinutes(17));
        assertEquals(1, keys.verificationKeys().size());
        assertEquals("token refused: no signing key of ours has the token's kid", refusal(before));
    }

    @Test
    void the_stored_key_is_encrypted_under_an_owner_only_generated_key_and_reused() throws Exception {
        String kid = keys.signingKey().getKeyId();
        Path kek = dataDir.resolve("keys").resolve("kek");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(kek)));
        StoredSigningKey stored = store.all().get(0);
        assertEquals(kid, stored.kid());
        String pkcs8 = Base64.getEncoder().encodeToString(keys.signingKey().getPrivateKey().getEncoded());
        assertFalse(stored.encryptedPrivateKey().contains(pkcs8.substring(100, 140)), "the private key is not in the clear");
        assertFalse(stored.publicJwk().contains("\"d\""), "the public JWK has no private part");
        assertEquals(kid, new JwtKeyRing(security, settings, clock, store).signingKey().getKeyId());
    }

    @Test
    void a_configured_private_key_file_signs_and_is_neither_stored_nor_rotated() throws Exception {
        RsaJsonWebKey own = RsaJwkGenerator.generateJwk(2048);
        Path pem = dataDir.resolve("signing.pem");
        Files.writeString(pem, "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(
                own.getPrivateKey().getEncoded()) + "\n-----END PRIVATE KEY-----\n");
        InMemorySigningKeyStore untouched = new InMemorySigningKeyStore();
        JwtKeyRing configured = new JwtKeyRing(security.withPrivateKeyFile(pem), settings, clock, untouched);
        assertEquals(own.calculateBase64urlEncodedThumbprint("SHA-256"), configured.signingKey().getKeyId());
        assertFalse(configured.managedHere());
        assertThrows(IllegalStateException.class, configured::rotate);
        assertEquals(List.of(), untouched.all());
    }

    @Test
    void a_stored_key_that_the_key_encryption_key_did_not_encrypt_is_a_clear_error_naming_the_setting() {
        byte[] one = new byte[32];
        byte[] two = new byte[32];
        Arrays.fill(one, (byte) 1);
        Arrays.fill(two, (byte) 2);
        String first = Base64.getEncoder().encodeToString(one);
        InMemorySigningKeyStore shared = new InMemorySigningKeyStore();
        new JwtKeyRing(security.withKeyEncryptionKey(first), settings, clock, shared).signingKey();
        assertEquals(1, shared.all().size());
        assertEquals(false, Files.exists(dataDir.resolve("keys").resolve("kek")), "a configured key writes no file");

        JwtKeyRing wrong = new JwtKeyRing(security.withKeyEncryptionKey(Base64.getEncoder().encodeToString(two)),
                settings, clock, shared);
        KeyDecryptionException e = assertThrows(KeyDecryptionException.class, wrong::signingKey);
        assertTrue(e.getMessage().contains("quarterdeck.jwt.key-encryption-key"), e.getMessage());
        assertFalse(e.getMessage().contains(first), "the message never holds a key");
        assertEquals(shared.all().get(0).kid(), new JwtKeyRing(security.withKeyEncryptionKey(first), settings, clock,
                shared).signingKey().getKeyId());
        assertThrows(IllegalArgumentException.class, () -> security.withKeyEncryptionKey("c2hvcnQ="));
    }

    @Test
    void key_files_of_an_earlier_version_are_imported_once() throws Exception {
        Path dir = Files.createDirectories(dataDir.resolve("old").resolve("keys"));
        RsaJsonWebKey current = RsaJwkGenerator.generateJwk(2048);
        RsaJsonWebKey retired = RsaJwkGenerator.generateJwk(2048);
        String currentKid = current.calculateBase64urlEncodedThumbprint("SHA-256");
        String retiredKid = retired.calculateBase64urlEncodedThumbprint("SHA-256");
        for (RsaJsonWebKey k : List.of(current, retired)) {
            Files.writeString(dir.resolve(k.calculateBase64urlEncodedThumbprint("SHA-256") + ".pem"),
                    "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(k.getPrivateKey().getEncoded())
                            + "\n-----END PRIVATE KEY-----\n");
        }
        Files.writeString(dir.resolve("keyring.properties"), "current=" + currentKid + "\nretired." + retiredKid + "="
                + clock.instant().minusSeconds(60) + "\n");
        InMemorySigningKeyStore fresh = new InMemorySigningKeyStore();
        SecuritySettings old = SecuritySettings.defaults(dataDir.resolve("old"));
        JwtKeyRing ring = new JwtKeyRing(old, settings, clock, fresh);
        assertEquals(currentKid, ring.signingKey().getKeyId());
        assertEquals(Set.of(currentKid, retiredKid), Set.copyOf(ring.verificationKeys().stream()
                .map(JsonWebKey::getKeyId).toList()));
        assertEquals(2, fresh.all().size());
        assertEquals(currentKid, new JwtKeyRing(old, settings, clock, fresh).signingKey().getKeyId());
        assertEquals(2, fresh.all().size(), "imported once");
    }

    @Test
    void an_external_issuers_token_maps_its_groups_onto_the_ladder() throws Exception {
        JwtClaims c = new JwtClaims();
        c.setIssuer("https://idp.example/realms/acme");
        c.setSubject("f81d4fae-7dec");
        c.setClaim("preferred_username", "grace");
        c.setStringListClaim("groups", List.of("readers", "sre"));
        c.setIssuedAtToNow();
        c.setExpirationTimeMinutesInTheFuture(5);
        c.setGeneratedJwtId();
        Caller caller = verifier.verifyToken(sign(c, idpKey.getPrivateKey(), "idp-1", AlgorithmIdentifiers.RSA_USING_SHA256))
                .caller();
        assertEquals(Role.OPERATOR, caller.role());
        assertEquals("grace", caller.name());
        assertEquals("oidc:f81d4fae-7dec", caller.id());
        assertTrue(jwksFetches.get() >= 1);

        c.setStringListClaim("groups", List.of("marketing"));
        String noRole = sign(c, idpKey.getPrivateKey(), "idp-1", AlgorithmIdentifiers.RSA_USING_SHA256);
        assertThrows(NotPermittedException.class, () -> verifier.verifyToken(noRole));

        RsaJsonWebKey impostor = RsaJwkGenerator.generateJwk(2048);
        c.setStringListClaim("groups", List.of("platform-admins"));
        String forged = sign(c, impostor.getPrivateKey(), "idp-1", AlgorithmIdentifiers.RSA_USING_SHA256);
        assertEquals("token refused: bad signature", refusal(forged));

        // Our key cannot mint tokens for the external issuer either.
        String crossed = sign(c, keys.signingKey().getPrivateKey(), keys.signingKey().getKeyId(),
                AlgorithmIdentifiers.RSA_USING_SHA256);
        assertEquals("token refused: the issuer's JWKS has no key with the token's kid", refusal(crossed));
    }

    @Test
    void a_key_that_left_the_issuers_no_cache_jwks_is_refused_within_a_second() throws Exception {
        build(security.withJwksMaxCache(Duration.ofSeconds(2)));
        String token = idpToken(List.of("sre"), idpKey, "idp-1");
        assertEquals(Role.OPERATOR, verifier.verifyToken(token).caller().role());
        published = List.of();
        assertEquals(Role.OPERATOR, verifier.verifyToken(token).caller().role(), "still within the cache lifetime");
        clock.advance(Duration.ofSeconds(1));
        assertEquals("token refused: the issuer's JWKS has no key with the token's kid", refusal(token));
    }

    @Test
    void a_long_max_age_is_cut_to_the_configured_bound() throws Exception {
        cacheControl = "public, max-age=3600";
        build(security.withJwksMaxCache(Duration.ofSeconds(2)));
        String token = idpToken(List.of("readers"), idpKey, "idp-1");
        verifier.verifyToken(token);
        int fetches = jwksFetches.get();
        published = List.of();
        clock.advance(Duration.ofMillis(1_500));
        assertEquals(Role.VIEWER, verifier.verifyToken(token).caller().role(), "max-age is honoured within the bound");
        assertEquals(fetches, jwksFetches.get(), "no fetch while the answer may be cached");
        clock.advance(Duration.ofMillis(600));
        assertEquals("token refused: the issuer's JWKS has no key with the token's kid", refusal(token));
    }

    @Test
    void a_short_max_age_is_honoured_below_the_bound_and_a_new_kid_is_fetched_at_once() throws Exception {
        cacheControl = "max-age=3";
        build(security.withJwksMaxCache(Duration.ofSeconds(300)));
        String token = idpToken(List.of("readers"), idpKey, "idp-1");
        verifier.verifyToken(token);
        RsaJsonWebKey next = RsaJwkGenerator.generateJwk(2048);
        next.setKeyId("idp-2");
        published = List.of(next);
        clock.advance(Duration.ofSeconds(1));
        // A rotation at the issuer: the new kid is fetched at once, and that answer no longer lists the old key.
        assertEquals(Role.ADMIN, verifier.verifyToken(idpToken(List.of("platform-admins"), next, "idp-2")).caller().role());
        assertEquals("token refused: the issuer's JWKS has no key with the token's kid", refusal(token));
    }

    @Test
    void an_issuer_that_cannot_be_read_is_trusted_no_longer_than_the_bound() throws Exception {
        build(security.withJwksMaxCache(Duration.ofSeconds(2)));
        String token = idpToken(List.of("sre"), idpKey, "idp-1");
        verifier.verifyToken(token);
        idp.stop(0);
        clock.advance(Duration.ofMillis(1_500));
        assertEquals(Role.OPERATOR, verifier.verifyToken(token).caller().role(), "the last keys serve within the bound");
        clock.advance(Duration.ofMillis(600));
        assertEquals("token refused: the issuer's JWKS could not be read", refusal(token));
        idp = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    }

    @Test
    void cache_headers_give_the_lifetime_within_one_second_and_the_bound() {
        Duration max = Duration.ofSeconds(300);
        assertEquals(Duration.ofSeconds(1), IssuerJwks.lifetime(List.of("no-cache"), Optional.empty(), Optional.empty(), max));
        assertEquals(Duration.ofSeconds(1), IssuerJwks.lifetime(List.of("private, no-store"), Optional.empty(), Optional.empty(), max));
        assertEquals(Duration.ofSeconds(60), IssuerJwks.lifetime(List.of("max-age=60"), Optional.empty(), Optional.empty(), max));
        assertEquals(max, IssuerJwks.lifetime(List.of("max-age=86400"), Optional.empty(), Optional.empty(), max));
        assertEquals(Duration.ofSeconds(1), IssuerJwks.lifetime(List.of("max-age=0"), Optional.empty(), Optional.empty(), max));
        assertEquals(Duration.ofSeconds(1), IssuerJwks.lifetime(List.of("max-age=soon"), Optional.empty(), Optional.empty(), max));
        assertEquals(max, IssuerJwks.lifetime(List.of(), Optional.empty(), Optional.empty(), max));
        assertEquals(Duration.ofSeconds(120), IssuerJwks.lifetime(List.of(), Optional.of("Wed, 02 Dec 2026 10:02:00 GMT"),
                Optional.of("Wed, 02 Dec 2026 10:00:00 GMT"), max));
        assertEquals(Duration.ofSeconds(1), IssuerJwks.lifetime(List.of(), Optional.of("0"), Optional.empty(), max));
    }
}
