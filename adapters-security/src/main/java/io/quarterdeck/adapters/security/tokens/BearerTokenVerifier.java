package io.quarterdeck.adapters.security.tokens;

import io.quarterdeck.application.port.out.identity.AccessTokenVerifier;
import io.quarterdeck.application.port.out.identity.VerifiedAccessToken;
import io.quarterdeck.domain.identity.GroupRoleMapping;
import io.quarterdeck.adapters.security.keys.JwtKeyRing;

import io.quarterdeck.domain.identity.AuthenticationFailedException;
import io.quarterdeck.domain.identity.Caller;
import io.quarterdeck.domain.identity.NotPermittedException;
import io.quarterdeck.domain.identity.Role;
import io.quarterdeck.domain.identity.Scope;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwt.consumer.JwtContext;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;
import org.jose4j.lang.UnresolvableKeyException;

/**
 * Verifies every bearer token: ours (RS256 by a key of {@link JwtKeyRing}) and, when configured, an external OIDC
 * issuer's (RS256 by a key of its JWKS, fetched and cached). Only RS256 is accepted, so {@code alg: none} and
 * HS256 signed with a public key fail; issuer, audience, expiry (30 s skew), subject and {@code kid} are required.
 * External tokens carry roles in a configured claim, mapped onto the ladder by
 * {@code quarterdeck.oidc.role-map} ({@code their-group=our-role,...}); the highest mapped role wins.
 */
@ApplicationScoped
public class BearerTokenVerifier implements AccessTokenVerifier {
    static final String AUDIENCE = "quarterdeck";
    private static final String INVALID = "Invalid or expired token";

    @Inject
    JwtKeyRing keys;
    @Inject
    @ConfigProperty(name = "quarterdeck.jwt.issuer", defaultValue = "quarterdeck")
    String issuer;
    @Inject
    @ConfigProperty(name = "quarterdeck.oidc.issuer")
    Optional<String> oidcIssuer;
    @Inject
    @ConfigProperty(name = "quarterdeck.oidc.jwks-url")
    Optional<String> oidcJwksUrl;
    @Inject
    @ConfigProperty(name = "quarterdeck.oidc.audience")
    Optional<String> oidcAudience;
    @Inject
    @ConfigProperty(name = "quarterdeck.oidc.roles-claim", defaultValue = "groups")
    String rolesClaim;
    @Inject
    @ConfigProperty(name = "quarterdeck.oidc.role-map", defaultValue = " ")
    String roleMapSpec;

    private JwtConsumer ours;
    private JwtConsumer external;
    private GroupRoleMapping roleMap = new GroupRoleMapping(Map.of());
    private final JwtConsumer firstPass = new JwtConsumerBuilder().setSkipAllValidators().setDisableRequireSignature()
            .setSkipSignatureVerification().build();

    public BearerTokenVerifier() {
    }

    /** For tests outside a container. */
    public BearerTokenVerifier(JwtKeyRing keys, String issuer, Optional<String> oidcIssuer, Optional<String> oidcJwksUrl,
                               Optional<String> oidcAudience, String rolesClaim, String roleMap) {
        this.keys = keys;
        this.issuer = issuer;
        this.oidcIssuer = oidcIssuer;
        this.oidcJwksUrl = oidcJwksUrl;
        this.oidcAudience = oidcAudience;
        this.rolesClaim = rolesClaim;
        this.roleMapSpec = roleMap;
        init();
    }

    @PostConstruct
    void init() {
        ours = new JwtConsumerBuilder()
                .setRequireExpirationTime().setRequireIssuedAt().setRequireSubject().setRequireJwtId()
                .setAllowedClockSkewInSeconds(30)
                .setExpectedIssuer(issuer).setExpectedAudience(AUDIENCE)
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256)
                .setVerificationKeyResolver((jws, nesting) -> {
                    String kid = jws.getKeyIdHeaderValue();
                    for (JsonWebKey k : keys.verificationKeys()) {
                        if (k.getKeyId().equals(kid)) {
                            return k.getKey();
                        }
                    }
                    throw new UnresolvableKeyException("no current signing key has kid " + kid);
                })
                .build();
        if (oidcIssuer.isPresent() && !oidcIssuer.get().isBlank()) {
            String url = oidcJwksUrl.filter(u -> !u.isBlank()).orElseThrow(() -> new IllegalStateException(
                    "quarterdeck.oidc.issuer is set: quarterdeck.oidc.jwks-url must be set too"));
            HttpsJwks jwks = new HttpsJwks(url);
            JwtConsumerBuilder b = new JwtConsumerBuilder()
                    .setRequireExpirationTime().setRequireSubject().setAllowedClockSkewInSeconds(30)
                    .setExpectedIssuer(oidcIssuer.get())
                    .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                            AlgorithmIdentifiers.RSA_USING_SHA256)
                    .setVerificationKeyResolver(new HttpsJwksVerificationKeyResolver(jwks));
            if (oidcAudience.isPresent() && !oidcAudience.get().isBlank()) {
                b.setExpectedAudience(oidcAudience.get());
            } else {
                b.setSkipDefaultAudienceValidation();
            }
            external = b.build();
        }
        roleMap = GroupRoleMapping.parse("quarterdeck.oidc.role-map", roleMapSpec);
    }

    /** The verified token, or {@link AuthenticationFailedException} (401) with the reason for the audit log. */
    @Override
    public VerifiedAccessToken verify(String token) {
        VerifiedToken verified = verifyToken(token);
        long iat = verified.getIssuedAtTime();
        return new VerifiedAccessToken(verified.caller(), iat == 0 ? null : Instant.ofEpochSecond(iat), verified);
    }

    /** {@link #verify} with the token's claims as MicroProfile JWT exposes them. */
    public VerifiedToken verifyToken(String token) {
        if (token == null || token.isBlank() || token.length() > 16_384) {
            throw new AuthenticationFailedException(INVALID, "empty or oversized token");
        }
        JwtContext context;
        String iss;
        try {
            context = firstPass.process(token);
            iss = context.getJwtClaims().getIssuer();
        } catch (InvalidJwtException | MalformedClaimException e) {
            throw new AuthenticationFailedException(INVALID, "malformed token");
        }
        boolean isExternal = external != null && oidcIssuer.get().equals(iss);
        try {
            (isExternal ? external : ours).processContext(context);
        } catch (InvalidJwtException e) {
            throw new AuthenticationFailedException(INVALID, "token refused: " + describe(e));
        }
        try {
            JwtClaims claims = context.getJwtClaims();
            Caller caller = isExternal ? externalCaller(claims) : ourCaller(claims);
            return new VerifiedToken(token, claims, caller);
        } catch (MalformedClaimException e) {
            throw new AuthenticationFailedException(INVALID, "malformed claims");
        }
    }

    /** jose4j's reasons without the claims it quotes (they belong to the caller, not to our logs). */
    private static String describe(InvalidJwtException e) {
        StringBuilder out = new StringBuilder();
        e.getErrorDetails().forEach(d -> out.append(out.length() == 0 ? "" : "; ").append(d.getErrorMessage()));
        String detail = out.length() == 0 ? "invalid token" : out.toString();
        return detail.length() > 300 ? detail.substring(0, 300) : detail;
    }

    private static Caller ourCaller(JwtClaims claims) throws MalformedClaimException {
        String type = claims.getStringClaimValue("type");
        Role role;
        try {
            role = Role.parse("role", claims.getStringClaimValue("role"));
        } catch (RuntimeException e) {
            throw new AuthenticationFailedException(INVALID, "token without a valid role");
        }
        String jti = claims.getJwtId();
        Instant exp = Instant.ofEpochSecond(claims.getExpirationTime().getValue());
        if ("service".equals(type) && role == Role.SERVICE) {
            Set<Scope> scopes = EnumSet.noneOf(Scope.class);
            String scope = claims.getStringClaimValue("scope");
            if (scope != null) {
                for (String s : scope.split(" ")) {
                    if (!s.isBlank()) {
                        scopes.add(Scope.parse("scope", s));
                    }
                }
            }
            return Caller.service(claims.getSubject(), claims.getStringClaimValue("upn"), scopes, jti, exp);
        }
        if ("user".equals(type) && role.onLadder()) {
            return Caller.user(claims.getSubject(), claims.getStringClaimValue("upn"), role, jti, exp);
        }
        throw new AuthenticationFailedException(INVALID, "token with type " + type + " and role " + role);
    }

    private Caller externalCaller(JwtClaims claims) throws MalformedClaimException {
        Role best = roleMap.roleFor(stringsOf(claims.getClaimValue(rolesClaim))).orElseThrow(
                () -> new NotPermittedException("Your identity provider's groups grant no Quarterdeck role"));
        String name = firstString(claims, "preferred_username", "upn", "email");
        Instant exp = Instant.ofEpochSecond(claims.getExpirationTime().getValue());
        return Caller.user(Caller.externalId(claims.getSubject()), name == null ? claims.getSubject() : name, best,
                claims.getJwtId(), exp);
    }

    private static String firstString(JwtClaims claims, String... names) throws MalformedClaimException {
        for (String n : names) {
            if (claims.isClaimValueString(n)) {
                return claims.getStringClaimValue(n);
            }
        }
        return null;
    }

    private static List<String> stringsOf(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof String s) {
            for (String part : s.split("[ ,]")) {
                if (!part.isBlank()) {
                    out.add(part);
                }
            }
        } else if (value instanceof Collection<?> c) {
            for (Object o : c) {
                if (o instanceof String s) {
                    out.add(s);
                }
            }
        }
        return out;
    }

}
