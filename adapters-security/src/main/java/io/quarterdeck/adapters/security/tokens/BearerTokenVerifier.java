package io.quarterdeck.adapters.security.tokens;

import io.quarterdeck.application.port.out.identity.AccessTokenVerifier;
import io.quarterdeck.application.port.out.identity.VerifiedAccessToken;
import io.quarterdeck.domain.identity.GroupRoleMapping;
import io.quarterdeck.adapters.security.SecuritySettings;
import io.quarterdeck.adapters.security.keys.JwtKeyRing;

import io.quarterdeck.domain.identity.AuthenticationFailedException;
import io.quarterdeck.domain.identity.Caller;
import io.quarterdeck.domain.identity.NotPermittedException;
import io.quarterdeck.domain.identity.Role;
import io.quarterdeck.domain.identity.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.ErrorCodeValidator;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwt.consumer.JwtContext;
import org.jose4j.lang.InvalidAlgorithmException;
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
    private static final String REFUSED = "token refused: ";

    private final JwtConsumer ours;
    private final JwtConsumer external;
    private final String externalIssuer;
    private final String rolesClaim;
    private final GroupRoleMapping roleMap;
    private final JwtConsumer firstPass = new JwtConsumerBuilder().setSkipAllValidators().setDisableRequireSignature()
            .setSkipSignatureVerification().build();

    @Inject
    public BearerTokenVerifier(JwtKeyRing keys, SecuritySettings settings, Clock clock) {
        ours = new JwtConsumerBuilder()
                .setRequireExpirationTime().setRequireIssuedAt().setRequireSubject().setRequireJwtId()
                .setAllowedClockSkewInSeconds(30)
                .setExpectedIssuer(settings.issuer()).setExpectedAudience(AUDIENCE)
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256)
                .setVerificationKeyResolver((jws, nesting) -> keys.verificationKey(jws.getKeyIdHeaderValue())
                        .orElseThrow(() -> new UnknownKey("no signing key of ours has the token's kid")).getKey())
                .build();
        externalIssuer = settings.oidcIssuer().orElse(null);
        if (externalIssuer != null) {
            IssuerJwks jwks = new IssuerJwks(settings.oidcJwksUrl().orElseThrow(), settings.jwksMaxCache(), clock);
            JwtConsumerBuilder b = new JwtConsumerBuilder()
                    .setRequireExpirationTime().setRequireSubject().setAllowedClockSkewInSeconds(30)
                    .setExpectedIssuer(externalIssuer)
                    .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                            AlgorithmIdentifiers.RSA_USING_SHA256)
                    .setVerificationKeyResolver((jws, nesting) -> jwks.key(jws.getKeyIdHeaderValue())
                            .orElseThrow(() -> new UnknownKey(jwks.readable()
                                    ? "the issuer's JWKS has no key with the token's kid"
                                    : "the issuer's JWKS could not be read"))
                            .getKey());
            if (settings.oidcAudience().isPresent()) {
                b.setExpectedAudience(settings.oidcAudience().get());
            } else {
                b.setSkipDefaultAudienceValidation();
            }
            external = b.build();
        } else {
            external = null;
        }
        rolesClaim = settings.oidcRolesClaim();
        roleMap = settings.oidcRoleMap();
    }

    /** For CDI proxies only. */
    protected BearerTokenVerifier() {
        ours = null;
        external = null;
        externalIssuer = null;
        rolesClaim = null;
        roleMap = null;
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
        JsonWebStructure jose = context.getJoseObjects().get(0);
        if (!AlgorithmIdentifiers.RSA_USING_SHA256.equals(jose.getAlgorithmHeaderValue())) {
            throw new AuthenticationFailedException(INVALID, REFUSED + "signature algorithm not accepted (RS256 only)");
        }
        if (jose.getKeyIdHeaderValue() == null) {
            throw new AuthenticationFailedException(INVALID, REFUSED + "no kid");
        }
        boolean isExternal = external != null && externalIssuer.equals(iss);
        try {
            (isExternal ? external : ours).processContext(context);
        } catch (InvalidJwtException e) {
            throw new AuthenticationFailedException(INVALID, REFUSED + describe(e));
        }
        try {
            JwtClaims claims = context.getJwtClaims();
            Caller caller = isExternal ? externalCaller(claims) : ourCaller(claims);
            return new VerifiedToken(token, claims, caller);
        } catch (MalformedClaimException e) {
            throw new AuthenticationFailedException(INVALID, "malformed claims");
        }
    }

    /**
     * Why jose4j refused the token, in fixed words chosen by its error codes. jose4j's own messages quote the token's
     * header and claims, and nothing of a credential may reach a log or the audit record, so none of its text is used.
     */
    static String describe(InvalidJwtException e) {
        Set<String> reasons = new LinkedHashSet<>();
        for (ErrorCodeValidator.Error d : e.getErrorDetails()) {
            reasons.add(REASONS.getOrDefault(d.getErrorCode(), "invalid (jose4j error code " + d.getErrorCode() + ")"));
        }
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            if (c instanceof UnknownKey u) {
                reasons.add(u.reason());
            } else if (c instanceof InvalidAlgorithmException) {
                reasons.add("signature algorithm not accepted (RS256 only)");
            }
        }
        reasons.remove(REASONS.get(ErrorCodes.MISCELLANEOUS));
        return reasons.isEmpty() ? "invalid token" : String.join("; ", reasons);
    }

    private static final Map<Integer, String> REASONS = Map.ofEntries(
            Map.entry(ErrorCodes.EXPIRED, "expired"),
            Map.entry(ErrorCodes.EXPIRATION_MISSING, "no expiration time"),
            Map.entry(ErrorCodes.ISSUED_AT_MISSING, "no issued-at time"),
            Map.entry(ErrorCodes.NOT_BEFORE_MISSING, "no not-before time"),
            Map.entry(ErrorCodes.EXPIRATION_TOO_FAR_IN_FUTURE, "expiration too far in the future"),
            Map.entry(ErrorCodes.NOT_YET_VALID, "not yet valid"),
            Map.entry(ErrorCodes.AUDIENCE_MISSING, "no audience"),
            Map.entry(ErrorCodes.AUDIENCE_INVALID, "audience not accepted"),
            Map.entry(ErrorCodes.SIGNATURE_INVALID, "bad signature"),
            Map.entry(ErrorCodes.SIGNATURE_MISSING, "not signed"),
            Map.entry(ErrorCodes.ISSUER_MISSING, "no issuer"),
            Map.entry(ErrorCodes.ISSUER_INVALID, "issuer not accepted"),
            Map.entry(ErrorCodes.JWT_ID_MISSING, "no token id"),
            Map.entry(ErrorCodes.SUBJECT_MISSING, "no subject"),
            Map.entry(ErrorCodes.SUBJECT_INVALID, "subject not accepted"),
            Map.entry(ErrorCodes.JSON_INVALID, "claims are not JSON"),
            Map.entry(ErrorCodes.MISCELLANEOUS, "invalid"),
            Map.entry(ErrorCodes.MALFORMED_CLAIM, "malformed claim"),
            Map.entry(ErrorCodes.TYPE_MISSING, "no type"),
            Map.entry(ErrorCodes.TYPE_INVALID, "type not accepted"),
            Map.entry(ErrorCodes.ISSUED_AT_INVALID_FUTURE, "issued in the future"),
            Map.entry(ErrorCodes.ISSUED_AT_INVALID_PAST, "issued too long ago"));

    /** A key resolver's refusal, in words that quote nothing of the token. */
    static final class UnknownKey extends UnresolvableKeyException {
        private static final long serialVersionUID = 1L;
        private final String reason;

        UnknownKey(String reason) {
            super(reason);
            this.reason = reason;
        }

        String reason() {
            return reason;
        }
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
