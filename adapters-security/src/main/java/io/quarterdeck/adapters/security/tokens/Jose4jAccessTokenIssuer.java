package io.quarterdeck.adapters.security.tokens;

import io.quarterdeck.adapters.security.SecuritySettings;
import io.quarterdeck.adapters.security.keys.JwtKeyRing;

import io.quarterdeck.domain.identity.AccessTokenClaims;
import io.quarterdeck.application.port.out.identity.AccessTokenIssuer;
import io.quarterdeck.domain.identity.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.stream.Collectors;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * Signs access tokens as RS256 JWTs with the key ring's current key. Claims: {@code iss}, {@code aud}, {@code sub},
 * {@code upn}, {@code groups} (the role, as MicroProfile JWT expects), {@code role}, {@code type}, {@code scope}
 * (service clients), {@code iat}, {@code exp}, {@code jti}.
 */
@ApplicationScoped
public class Jose4jAccessTokenIssuer implements AccessTokenIssuer {
    private final JwtKeyRing keys;
    private final String issuer;

    @Inject
    public Jose4jAccessTokenIssuer(JwtKeyRing keys, SecuritySettings settings) {
        this.keys = keys;
        this.issuer = settings == null ? null : settings.issuer();
    }

    /** For CDI proxies only. */
    protected Jose4jAccessTokenIssuer() {
        this(null, null);
    }

    @Override
    public String issue(AccessTokenClaims c) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setAudience(BearerTokenVerifier.AUDIENCE);
        claims.setSubject(c.subject());
        if (c.upn() != null) {
            claims.setClaim("upn", c.upn());
        }
        claims.setStringListClaim("groups", List.of(c.role().wireName()));
        claims.setClaim("role", c.role().wireName());
        claims.setClaim("type", c.type());
        if (!c.scopes().isEmpty()) {
            claims.setClaim("scope", c.scopes().stream().map(Scope::wireName).sorted().collect(Collectors.joining(" ")));
        }
        claims.setIssuedAt(NumericDate.fromMilliseconds(c.issuedAt().toEpochMilli()));
        claims.setExpirationTime(NumericDate.fromMilliseconds(c.expiresAt().toEpochMilli()));
        claims.setJwtId(c.jti());
        RsaJsonWebKey key = keys.signingKey();
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.getPrivateKey());
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("cannot sign an access token", e);
        }
    }
}
