package io.quarterdeck.adapters.security.tokens;

import io.quarterdeck.adapters.security.keys.JwtKeyRing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.quarterdeck.application.port.in.identity.IdentitySettings;
import io.quarterdeck.application.testing.TestClock;
import io.quarterdeck.domain.identity.AccessTokenClaims;
import io.quarterdeck.domain.identity.AuthenticationFailedException;
import io.quarterdeck.domain.identity.Caller;
import io.quarterdeck.domain.identity.NotPermittedException;
import io.quarterdeck.domain.identity.Role;
import io.quarterdeck.domain.identity.Scope;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
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
    @TempDir
    Path dataDir;
    private final TestClock clock = new TestClock(Instant.now());
    private final IdentitySettings settings = IdentitySettings.defaults();
    private JwtKeyRing keys;
    private Jose4jAccessTokenIssuer issuer;
    private BearerTokenVerifier verifier;
    private HttpServer idp;
    private RsaJsonWebKey idpKey;
    private final AtomicInteger jwksFetches = new AtomicInteger();

    @BeforeEach
    void setUp() throws Exception {
        keys = new JwtKeyRing(dataDir, Optional.empty(), settings, clock);
        issuer = new Jose4jAccessTokenIssuer(keys, "quarterdeck");
        idpKey = RsaJwkGenerator.generateJwk(2048);
        idpKey.setKeyId("idp-1");
        idp = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        idp.createContext("/realms/acme/protocol/openid-connect/certs", exchange -> {
            jwksFetches.incrementAndGet();
            byte[] body = new JsonWebKeySet(idpKey).toJson().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        idp.start();
        verifier = new BearerTokenVerifier(keys, "quarterdeck", Optional.of("https://idp.example/realms/acme"),
                Optional.of("http://127.0.0.1:" + idp.getAddress().getPort() + "/realms/acme/protocol/openid-connect/certs"),
                Optional.empty(), "groups", "sre=operator, platform-admins=admin, readers=viewer");
    }

    @AfterEach
    void tearDown() {
        idp.stop(0);
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
        AuthenticationFailedException e = assertThrows(AuthenticationFailedException.class, () -> verifier.verifyToken(t));
        assertTrue(e.reason().contains("expired") || e.reason().contains("Expiration"), e.reason());
    }

    @Test
    void a_token_signed_by_another_key_under_our_kid_is_refused() throws Exception {
        RsaJsonWebKey forger = RsaJwkGenerator.generateJwk(2048);
        String forged = sign(claims("quarterdeck", "u-1", Instant.now().plusSeconds(600)), forger.getPrivateKey(),
                keys.signingKey().getKeyId(), AlgorithmIdentifiers.RSA_USING_SHA256);
        assertThrows(AuthenticationFailedException.class, () -> verifier.verifyToken(forged));
    }

    @Test
    void a_token_from_another_issuer_is_refused_even_when_signed_by_our_key() throws Exception {
        String t = sign(claims("evil", "u-1", Instant.now().plusSeconds(600)), keys.signingKey().getPrivateKey(),
                keys.signingKey().getKeyId(), AlgorithmIdentifiers.RSA_USING_SHA256);
        assertThrows(AuthenticationFailedException.class, () -> verifier.verifyToken(t));
        JwtClaims noAudience = claims("quarterdeck", "u-1", Instant.now().plusSeconds(600));
        noAudience.setAudience("someone-else");
        String t2 = sign(noAudience, keys.signingKey().getPrivateKey(), keys.signingKey().getKeyId(),
                AlgorithmIdentifiers.RSA_USING_SHA256);
        assertThrows(AuthenticationFailedException.class, () -> verifier.verifyToken(t2));
    }

    @Test
    void alg_none_is_refused() throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims("quarterdeck", "u-1", Instant.now().plusSeconds(600)).toJson());
        jws.setAlgorithmConstraints(org.jose4j.jwa.AlgorithmConstraints.NO_CONSTRAINTS);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.NONE);
        String unsigned = jws.getCompactSerialization();
        assertThrows(AuthenticationFailedException.class, () -> verifier.verifyToken(unsigned));
        // The classic variant: a valid token with its signature cut off and the header rewritten to none.
        String valid = ours(Role.OWNER, "user", Instant.now(), Duration.ofMinutes(5));
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String stripped = header + "." + valid.split("\\.")[1] + ".";
        assertThrows(AuthenticationFailedException.class, () -> verifier.verifyToken(stripped));
    }

    @Test
    void hs256_signed_with_our_public_key_is_refused() throws Exception {
        byte[] publicKeyBytes = keys.signingKey().getRsaPublicKey().getEncoded();
        String confused = sign(claims("quarterdeck", "u-1", Instant.now().plusSeconds(600)), new HmacKey(publicKeyBytes),
                keys.signingKey().getKeyId(), AlgorithmIdentifiers.HMAC_SHA256);
        assertThrows(AuthenticationFailedException.class, () -> verifier.verifyToken(confused));
        String pem = keys.publicJwks();
        String confused2 = sign(claims("quarterdeck", "u-1", Instant.now().plusSeconds(600)),
                new HmacKey(pem.getBytes(StandardCharsets.UTF_8)), keys.signingKey().getKeyId(),
                AlgorithmIdentifiers.HMAC_SHA256);
        assertThrows(AuthenticationFailedException.class, () -> verifier.verifyToken(confused2));
    }

    @Test
    void malformed_tokens_are_refused() {
        for (String junk : List.of("", "abc", "a.b.c", "eyJhbGciOiJSUzI1NiJ9.e30.", "x".repeat(20_000))) {
            assertThrows(AuthenticationFailedException.class, () -> verifier.verifyToken(junk), junk);
        }
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
        JwtKeyRing reloaded = new JwtKeyRing(dataDir, Optional.empty(), settings, clock);
        assertEquals(newKid, reloaded.signingKey().getKeyId());
        assertEquals(2, reloaded.verificationKeys().size());

        clock.advance(Duration.ofMinutes(17));
        assertEquals(1, keys.verificationKeys().size());
        assertThrows(AuthenticationFailedException.class, () -> verifier.verifyToken(before));
    }

    @Test
    void the_generated_key_is_kept_owner_only_and_reused() throws Exception {
        String kid = keys.signingKey().getKeyId();
        Path pem = dataDir.resolve("keys").resolve(kid + ".pem");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(pem)));
        assertEquals(kid, new JwtKeyRing(dataDir, Optional.empty(), settings, clock).signingKey().getKeyId());
        JwtKeyRing configured = new JwtKeyRing(Files.createTempDirectory(dataDir, "other"), Optional.of(pem.toString()),
                settings, clock);
        assertEquals(kid, configured.signingKey().getKeyId());
        assertThrows(IllegalStateException.class, configured::rotate);
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
        assertThrows(AuthenticationFailedException.class, () -> verifier.verifyToken(forged));

        // Our key cannot mint tokens for the external issuer either.
        String crossed = sign(c, keys.signingKey().getPrivateKey(), keys.signingKey().getKeyId(),
                AlgorithmIdentifiers.RSA_USING_SHA256);
        assertThrows(AuthenticationFailedException.class, () -> verifier.verifyToken(crossed));
    }
}
