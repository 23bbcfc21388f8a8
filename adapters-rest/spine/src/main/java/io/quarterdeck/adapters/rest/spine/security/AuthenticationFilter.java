package io.quarterdeck.adapters.rest.spine.security;


import io.quarterdeck.adapters.rest.spine.ErrorBodies;
import io.quarterdeck.adapters.rest.spine.RequestAttributes;
import io.quarterdeck.application.port.in.identity.AuthenticateUseCase;
import io.quarterdeck.application.port.in.identity.Authentication;
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
import java.util.Map;
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
    /** The authenticated caller of a request refused for its role (403): the audit record names them. */
    static final String REFUSED_CALLER = "quarterdeck.audit.refused-caller";

    @Context
    ResourceInfo resource;
    @Inject
    AuthenticateUseCase authentication;

    @Override
    public void filter(ContainerRequestContext ctx) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return;
        }
        if (declared(method, PublicEndpoint.class) != null) {
            return;
        }
        String path = ctx.getUriInfo().getPath();
        Requires required = declared(method, Requires.class);
        if (required == null) {
            ctx.abortWith(ErrorBodies.build(path, 403, "FORBIDDEN", "Endpoint has no access declaration", Map.of()));
            return;
        }
        AuthenticatedPrincipal principal;
        try {
            principal = authenticate(ctx);
        } catch (AuthenticationFailedException e) {
            ctx.setProperty(RequestAttributes.REFUSAL, e.reason());
            String sent = ctx.getHeaderString("Authorization");
            boolean basic = sent != null && sent.regionMatches(true, 0, "Basic ", 0, 6);
            ctx.abortWith(basic ? Response.fromResponse(unauthorized(path, e.getMessage()))
                    .header("WWW-Authenticate", "Basic realm=\"quarterdeck\"").build() : unauthorized(path, e.getMessage()));
            return;
        } catch (NotPermittedException e) {
            ctx.setProperty(RequestAttributes.REFUSAL, e.getMessage());
            ctx.abortWith(ErrorBodies.build(path, 403, "FORBIDDEN", e.getMessage(), Map.of()));
            return;
        }
        if (principal == null) {
            ctx.abortWith(unauthorized(path, ErrorBodies.shapeOf(path).missingCredentialsMessage()));
            return;
        }
        Caller caller = principal.caller();
        Set<Scope> scopes = Set.of(required.scopes());
        if (!caller.mayAccess(required.role(), scopes)) {
            String need = caller.role().onLadder() ? "the " + required.role().wireName() + " role or higher"
                    : scopes.isEmpty() ? "a person's account" : "the " + scopes.stream().map(Scope::wireName).sorted()
                    .collect(Collectors.joining(" or ")) + " permission";
            ctx.setProperty(REFUSED_CALLER, caller);
            ctx.setProperty(RequestAttributes.REFUSAL, "lacks " + need);
            ctx.abortWith(ErrorBodies.build(path, 403, "FORBIDDEN", "This requires " + need,
                    Map.of("required_role", required.role().wireName())));
            return;
        }
        SecurityContext original = ctx.getSecurityContext();
        boolean secure = original != null && original.isSecure();
        String sent = ctx.getHeaderString("Authorization");
        String scheme = principal instanceof TokenPrincipal ? "Bearer"
                : sent != null && sent.regionMatches(true, 0, "Basic ", 0, 6) ? "Basic" : API_KEY_HEADER;
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
            if (authorization.length() >= 6 && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
                String[] idAndSecret = basic(authorization.substring(6).trim());
                return principal(authentication.basic(idAndSecret[0], idAndSecret[1]));
            }
            if (authorization.length() < 7 || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                throw new AuthenticationFailedException("Unsupported authorization scheme; use Bearer or Basic",
                        "authorization scheme other than Bearer or Basic");
            }
            // A token, or an API key (qdk_...): log shippers and Alertmanager can send only one fixed header (API-MAP).
            return principal(authentication.credential(authorization.substring(7).trim()));
        }
        String key = ctx.getHeaderString(API_KEY_HEADER);
        if (key == null) {
            return null;
        }
        return principal(authentication.apiKey(key));
    }

    /**
     * {@code base64(id:secret)} of HTTP basic auth (RFC 7617) as id and secret: what Promtail, Grafana Alloy, Fluent Bit
     * and Alertmanager send with a service client's id and secret, or any user name and an API key as the password.
     */
    static String[] basic(String encoded) {
        String decoded;
        try {
            decoded = new String(java.util.Base64.getDecoder().decode(encoded), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new AuthenticationFailedException("Malformed basic credentials", "basic credentials not base64");
        }
        int colon = decoded.indexOf(':');
        if (colon < 0 || colon == decoded.length() - 1) {
            throw new AuthenticationFailedException("Malformed basic credentials; send id:secret",
                    "basic credentials without a secret");
        }
        return new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
    }

    /** The principal resources see: the token as MicroProfile JWT's JsonWebToken, or the API key's caller. */
    static AuthenticatedPrincipal principal(Authentication a) {
        return a.byBearerToken() ? new TokenPrincipal(a) : new CallerPrincipal(a.caller());
    }

    private static Response unauthorized(String path, String message) {
        return Response.fromResponse(ErrorBodies.build(path, 401, "UNAUTHORIZED", message, Map.of()))
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
