package io.quarterdeck.adapters.rest.security;

import io.quarterdeck.adapters.rest.support.ErrorBodies;
import io.quarterdeck.adapters.rest.support.RequestAttributes;
import io.quarterdeck.adapters.rest.support.Surface;
import io.quarterdeck.application.port.in.apikeys.AuthenticateApiKeyUseCase;
import io.quarterdeck.application.port.in.identity.TokenRevocationUseCase;
import io.quarterdeck.domain.identity.AuthenticationFailedException;
import io.quarterdeck.domain.identity.Caller;
import io.quarterdeck.domain.identity.NotPermittedException;
import io.quarterdeck.domain.identity.Scope;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.security.Principal;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who is calling, and may they? {@code Authorization: Bearer} (ours or the configured OIDC issuer's, checked against
 * the revocation list) or {@code X-API-Key}. Then the resource method's declaration decides: {@link PublicEndpoint}
 * lets anyone in, {@link Requires} needs a role or a scope (401 without valid credentials, 403 without the role),
 * and a method that declares neither is refused (fail closed).
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class AuthenticationFilter implements ContainerRequestFilter {
    public static final String API_KEY_HEADER = "X-API-Key";

    @Context
    ResourceInfo resource;
    @Inject
    AuthenticateApiKeyUseCase apiKeys;
    @Inject
    BearerTokenVerifier tokens;
    @Inject
    TokenRevocationUseCase revocations;

    @Override
    public void filter(ContainerRequestContext ctx) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return;
        }
        if (declared(method, PublicEndpoint.class) != null) {
            return;
        }
        Surface surface = Surface.of(ctx.getUriInfo().getPath());
        Requires required = declared(method, Requires.class);
        if (required == null) {
            ctx.abortWith(ErrorBodies.build(surface, 403, "FORBIDDEN", "Endpoint has no access declaration", Map.of()));
            return;
        }
        AuthenticatedPrincipal principal;
        try {
            principal = authenticate(ctx);
        } catch (AuthenticationFailedException e) {
            ctx.setProperty(RequestAttributes.REFUSAL, e.reason());
            ctx.abortWith(unauthorized(surface, e.getMessage()));
            return;
        } catch (NotPermittedException e) {
            ctx.setProperty(RequestAttributes.REFUSAL, e.getMessage());
            ctx.abortWith(ErrorBodies.build(surface, 403, "FORBIDDEN", e.getMessage(), Map.of()));
            return;
        }
        if (principal == null) {
            ctx.abortWith(unauthorized(surface, surface == Surface.HEALTH_MONITOR
                    ? "Missing X-API-Key header or bearer token" : "Authentication required"));
            return;
        }
        Caller caller = principal.caller();
        Set<Scope> scopes = Set.of(required.scopes());
        if (!caller.mayAccess(required.role(), scopes)) {
            String need = caller.role().onLadder() ? "the " + required.role().wireName() + " role or higher"
                    : scopes.isEmpty() ? "a person's account" : "the " + scopes.stream().map(Scope::wireName).sorted()
                    .collect(Collectors.joining(" or ")) + " permission";
            ctx.setProperty(RequestAttributes.REFUSAL, caller.name() + " lacks " + need);
            ctx.abortWith(ErrorBodies.build(surface, 403, "FORBIDDEN", "This requires " + need,
                    Map.of("required_role", required.role().wireName())));
            return;
        }
        SecurityContext original = ctx.getSecurityContext();
        boolean secure = original != null && original.isSecure();
        String scheme = principal instanceof VerifiedToken ? "Bearer" : API_KEY_HEADER;
        ctx.setSecurityContext(new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return principal;
            }

            @Override
            public boolean isUserInRole(String role) {
                return caller.role().wireName().equals(role)
                        || caller.scopes().stream().anyMatch(s -> s.wireName().equals(role));
            }

            @Override
            public boolean isSecure() {
                return secure;
            }

            @Override
            public String getAuthenticationScheme() {
                return scheme;
            }
        });
    }

    private AuthenticatedPrincipal authenticate(ContainerRequestContext ctx) {
        String authorization = ctx.getHeaderString("Authorization");
        if (authorization != null) {
            if (authorization.length() < 7 || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                throw new AuthenticationFailedException("Unsupported authorization scheme; use Bearer",
                        "authorization scheme other than Bearer");
            }
            VerifiedToken token = tokens.verify(authorization.substring(7).trim());
            Caller c = token.caller();
            Instant issued = token.getIssuedAtTime() == 0 ? null : Instant.ofEpochSecond(token.getIssuedAtTime());
            if (revocations.isRevoked(c.tokenId(), c.id(), issued)) {
                throw new AuthenticationFailedException("Invalid or expired token", "revoked token " + c.tokenId());
            }
            return token;
        }
        String key = ctx.getHeaderString(API_KEY_HEADER);
        if (key == null) {
            return null;
        }
        Optional<Caller> caller = apiKeys.authenticate(key.trim()).map(Caller::apiKey);
        if (caller.isEmpty()) {
            throw new AuthenticationFailedException("Invalid API key", "unknown, revoked or expired API key");
        }
        return new CallerPrincipal(caller.get());
    }

    private static Response unauthorized(Surface surface, String message) {
        return Response.fromResponse(ErrorBodies.build(surface, 401, "UNAUTHORIZED", message, Map.of()))
                .header("WWW-Authenticate", "Bearer realm=\"quarterdeck\"").build();
    }

    static <A extends Annotation> A declared(Method m, Class<A> type) {
        A a = m.getAnnotation(type);
        return a != null ? a : m.getDeclaringClass().getAnnotation(type);
    }

    /** The caller a resource method runs for (after this filter let it in). */
    public static Caller callerOf(SecurityContext security) {
        if (security != null && security.getUserPrincipal() instanceof AuthenticatedPrincipal p) {
            return p.caller();
        }
        throw new IllegalStateException("no authenticated caller: is the method declared @PublicEndpoint?");
    }
}
