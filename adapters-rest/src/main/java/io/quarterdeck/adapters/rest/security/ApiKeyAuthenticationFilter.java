package io.quarterdeck.adapters.rest.security;

import io.quarterdeck.adapters.rest.support.ErrorBodies;
import io.quarterdeck.adapters.rest.support.Surface;
import io.quarterdeck.application.port.in.apikeys.AuthenticateApiKeyUseCase;
import io.quarterdeck.domain.identity.ApiKeyPrincipal;
import io.quarterdeck.domain.identity.Scope;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.security.Principal;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * Authenticates {@code X-API-Key} and enforces the resource method's declaration: {@link PublicEndpoint} lets
 * anyone in, {@link RequiresScope} needs a valid key holding one of the scopes (401 without a valid key, 403
 * without the scope), and a method that declares neither is refused (fail closed).
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class ApiKeyAuthenticationFilter implements ContainerRequestFilter {
    public static final String HEADER = "X-API-Key";

    @Context
    ResourceInfo resource;

    @Inject
    AuthenticateApiKeyUseCase apiKeys;

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
        RequiresScope required = declared(method, RequiresScope.class);
        if (required == null) {
            ctx.abortWith(ErrorBodies.build(surface, 403, "FORBIDDEN", "Endpoint has no access declaration", Map.of()));
            return;
        }
        String presented = ctx.getHeaderString(HEADER);
        Optional<ApiKeyPrincipal> principal = presented == null ? Optional.empty() : apiKeys.authenticate(presented.trim());
        if (principal.isEmpty()) {
            ctx.abortWith(ErrorBodies.build(surface, 401, "UNAUTHORIZED",
                    presented == null ? "Missing X-API-Key header" : "Invalid API key", Map.of()));
            return;
        }
        if (Arrays.stream(required.value()).noneMatch(principal.get()::has)) {
            ctx.abortWith(ErrorBodies.build(surface, 403, "FORBIDDEN", "API key lacks the required permission",
                    Map.of("required", String.join(" or ", Arrays.stream(required.value()).map(Scope::wireName).toList()))));
            return;
        }
        CallerPrincipal caller = new CallerPrincipal(principal.get());
        boolean secure = ctx.getSecurityContext() != null && ctx.getSecurityContext().isSecure();
        ctx.setSecurityContext(new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return caller;
            }

            @Override
            public boolean isUserInRole(String role) {
                return Arrays.stream(Scope.values()).anyMatch(s -> s.wireName().equals(role) && caller.apiKey().has(s));
            }

            @Override
            public boolean isSecure() {
                return secure;
            }

            @Override
            public String getAuthenticationScheme() {
                return "X-API-Key";
            }
        });
    }

    private static <A extends java.lang.annotation.Annotation> A declared(Method m, Class<A> type) {
        A a = m.getAnnotation(type);
        return a != null ? a : m.getDeclaringClass().getAnnotation(type);
    }
}
