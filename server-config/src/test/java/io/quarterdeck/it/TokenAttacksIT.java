package io.quarterdeck.it;

import static io.quarterdeck.it.Server.bearer;
import static io.quarterdeck.it.Server.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.quarterdeck.it.Server.Reply;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Enterprise SSO and token attacks against the running server. The external issuer is real: this test serves its
 * JWKS over HTTP on the port the server was configured with ({@code QUARTERDECK_OIDC_JWKS_URL}), and signs tokens
 * with the private half, as Keycloak or Entra ID would.
 */
class TokenAttacksIT {
    static final String ISSUER = "https://idp.example/realms/acme";
    private static HttpServer idp;
    private static RsaJsonWebKey idpKey;

    @BeforeAll
    static void startIdentityProvider() throws Exception {
        idpKey = RsaJwkGenerator.generateJwk(2048);
        idpKey.setKeyId("acme-" + System.nanoTime());
        idpKey.setAlgorithm("RS256");
        int port = Integer.parseInt(Server.env("QUARTERDECK_IT_IDP_PORT", "9182"));
        idp = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        idp.createContext("/realms/acme/protocol/openid-connect/certs", exchange -> {
            byte[] body = new JsonWebKeySet(idpKey).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY)
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        idp.start();
    }

    @AfterAll
    static void stop() {
        idp.stop(0);
    }

    private static String idpToken(List<String> groups, long expiresInSeconds) throws Exception {
        JwtClaims c = new JwtClaims();
        c.setIssuer(ISSUER);
        c.setAudience("account");
        c.setSubject("f81d4fae-7dec-11d0-a765-" + groups.hashCode());
        c.setClaim("preferred_username", "grace");
        c.setStringListClaim("groups", groups);
        c.setIssuedAtToNow();
        c.setExpirationTime(NumericDate.fromSeconds(NumericDate.now().getValue() + expiresInSeconds));
        c.setGeneratedJwtId();
        return sign(c, idpKey.getPrivateKey(), idpKey.getKeyId(), AlgorithmIdentifiers.RSA_USING_SHA256);
    }

    private static String sign(JwtClaims c, java.security.Key key, String kid, String alg) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(c.toJson());
        jws.setKey(key);
        jws.setKeyIdHeaderValue(kid);
        jws.setAlgorithmHeaderValue(alg);
        jws.setDoKeyValidation(false);
        return jws.getCompactSerialization();
    }

    @Test
    void a_token_from_the_enterprise_issuer_is_accepted_with_its_mapped_role() throws Exception {
        String sre = idpToken(List.of("sre", "everyone"), 300);
        Reply me = send(bearer("/api/v1/auth/me", sre).GET());
        assertEquals(200, me.status(), me.body());
        assertEquals("operator", me.json().getString("role"));
        assertEquals("grace", me.json().getString("username"));
        assertEquals(200, send(bearer("/api/errors", sre).GET()).status());
        assertEquals(404, send(bearer("/api/errors/missing/resolve", sre).PUT(Server.json(""))).status(),
                "an operator may resolve (404: nothing to resolve)");
        assertEquals(403, send(bearer("/api/v1/audit", sre).GET()).status(), "but is no admin");

        String reader = idpToken(List.of("readers"), 300);
        assertEquals(403, send(bearer("/api/errors/missing/resolve", reader).PUT(Server.json(""))).status());
        Reply clusterMe = send(bearer("/cluster-ai/auth/me", reader).GET());
        assertEquals(200, clusterMe.status(), clusterMe.body());

        Reply unmapped = send(bearer("/api/v1/auth/me", idpToken(List.of("marketing"), 300)).GET());
        assertEquals(403, unmapped.status(), unmapped.body());
        assertTrue(unmapped.json().getJsonObject("error").getString("message").contains("no Quarterdeck role"));
    }

    @Test
    void expired_forged_and_confused_tokens_are_refused_with_401_on_every_surface() throws Exception {
        String expired = idpToken(List.of("platform-admins"), -120);
        RsaJsonWebKey impostor = RsaJwkGenerator.generateJwk(2048);
        JwtClaims c = new JwtClaims();
        c.setIssuer(ISSUER);
        c.setSubject("mallory");
        c.setStringListClaim("groups", List.of("platform-admins"));
        c.setIssuedAtToNow();
        c.setExpirationTimeMinutesInTheFuture(5);
        String forged = sign(c, impostor.getPrivateKey(), idpKey.getKeyId(), AlgorithmIdentifiers.RSA_USING_SHA256);

        String owner = IdentityIT.ownerToken();
        String[] parts = owner.split("\\.");
        String none = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "." + parts[1] + ".";
        JsonWebKeySet ours = new JsonWebKeySet(send(Server.request("/api/v1/auth/jwks").GET()).body());
        // The key that signs now (named by the owner's fresh token), not whichever the set lists first: another test
        // may have rotated the keys, leaving retired ones in the set.
        String currentKid = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8)
                .replaceAll(".*\"kid\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        JsonWebKey published = ours.findJsonWebKey(currentKid, null, null, null);
        assertNotNull(published, "the JWKS lists the key that signed the owner's token, " + currentKid);
        JwtClaims ownerClaims = JwtClaims.parse(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        String hs256 = sign(ownerClaims, new HmacKey(((java.security.interfaces.RSAPublicKey) published.getKey()).getEncoded()),
                published.getKeyId(), AlgorithmIdentifiers.HMAC_SHA256);
        JwtClaims otherIssuer = JwtClaims.parse(ownerClaims.toJson());
        otherIssuer.setIssuer("https://evil.example");
        String wrongIssuer = sign(otherIssuer, impostor.getPrivateKey(), published.getKeyId(),
                AlgorithmIdentifiers.RSA_USING_SHA256);
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                ownerClaims.toJson().replace("\"owner\"", "\"admin\"").getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

        assertEquals(200, send(bearer("/api/v1/auth/me", owner).GET()).status());
        for (String bad : List.of(expired, forged, none, hs256, wrongIssuer, tampered, "garbage")) {
            Reply v1 = send(bearer("/api/v1/auth/me", bad).GET());
            assertEquals(401, v1.status(), v1.body());
            assertEquals("UNAUTHORIZED", v1.json().getJsonObject("error").getString("code"));
            Reply hm = send(bearer("/api/errors", bad).GET());
            assertEquals(401, hm.status());
            assertEquals("error", hm.json().getString("status"));
            Reply cluster = send(bearer("/cluster-ai/auth/me", bad).GET());
            assertEquals(401, cluster.status());
            assertTrue(cluster.json().containsKey("detail"));
        }
        Reply basic = send(Server.fromNewClient("/api/v1/auth/me").header("Authorization", "Basic b3duZXI6eA==").GET());
        assertEquals(401, basic.status());
        Reply anonymous = send(Server.fromNewClient("/api/v1/auth/me").GET());
        assertEquals(401, anonymous.status());
    }
}
