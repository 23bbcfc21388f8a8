package io.quarterdeck.adapters.rest.spine.security;

import io.quarterdeck.adapters.rest.spine.ClientAddressResolver;
import io.quarterdeck.adapters.rest.spine.RequestAttributes;
import io.quarterdeck.adapters.rest.spine.RequestId;
import io.quarterdeck.application.port.in.identity.AuditUseCase;
import io.quarterdeck.domain.identity.AuditRecord;
import io.quarterdeck.domain.identity.Caller;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.time.Clock;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Appends an audit record for every write (POST, PUT, PATCH, DELETE) on every surface, whatever its outcome, and
 * for every refused request (401, 403) of any method: actor and role, client address, request id, method and path,
 * the action, a summary without secrets, the status. A failure to record is logged and never fails the request.
 */
@Provider
@Priority(Priorities.USER + 1000)
public class AuditFilter implements ContainerResponseFilter {
    private static final Logger LOG = Logger.getLogger(AuditFilter.class.getName());

    @Context
    ResourceInfo resource;
    @Context
    HttpServletRequest servlet;
    @Inject
    AuditUseCase audit;
    @Inject
    ClientAddressResolver addresses;
    @Inject
    Clock clock;

    @Override
    public void filter(ContainerRequestContext req, ContainerResponseContext res) {
        Method method = resource.getResourceMethod();
        int status = res.getStatus();
        boolean refused = status == 401 || status == 403;
        String verb = req.getMethod();
        boolean write = !("GET".equals(verb) || "HEAD".equals(verb) || "OPTIONS".equals(verb));
        // A read is audited when its method names an audit action (log reads: seed 000's "audit logging for all access").
        boolean auditedRead = !write && method != null && method.getAnnotation(Audited.class) != null;
        if (method == null || !(refused || auditedRead || write && method.getAnnotation(Unaudited.class) == null)) {
            return;
        }
        try {
            audit.record(recordOf(req, method, status));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "request " + RequestId.of(servlet) + ": could not append an audit record for " + verb
                    + " " + req.getUriInfo().getPath(), e);
        }
    }

    private AuditRecord recordOf(ContainerRequestContext req, Method method, int status) {
        String actor = "anonymous";
        String role = null;
        Caller c = authenticatedCaller(req);
        if (c != null) {
            actor = c.kind() == Caller.Kind.API_KEY ? "api-key:" + c.id() : c.name() != null ? c.name() : c.id();
            role = c.role().wireName();
        } else if (attribute(req, RequestAttributes.CLAIMED_ACTOR) instanceof String claimed && !claimed.isBlank()) {
            actor = claimed.length() > 100 ? claimed.substring(0, 100) : claimed;
        }
        String summary = attribute(req, RequestAttributes.SUMMARY) instanceof String s ? s : null;
        if (attribute(req, RequestAttributes.REFUSAL) instanceof String r) {
            summary = summary == null ? r : summary + "; " + r;
        }
        String ip = servlet == null ? null : addresses.resolve(servlet.getRemoteAddr(), servlet.getHeader("X-Forwarded-For"));
        Object requestId = servlet == null ? null : servlet.getAttribute(RequestId.ATTRIBUTE);
        String path = "/" + req.getUriInfo().getPath().replaceFirst("^/", "");
        return new AuditRecord(0, clock.instant(), actor, role, ip, requestId == null ? null : requestId.toString(),
                req.getMethod(), path, action(method), summary, status);
    }

    /** Who proved who they are: let in, or refused for their role (403), which still names them. */
    static Caller authenticatedCaller(ContainerRequestContext req) {
        if (req.getSecurityContext() != null && req.getSecurityContext().getUserPrincipal() instanceof AuthenticatedPrincipal p) {
            return p.caller();
        }
        return req.getProperty(AuthenticationFilter.REFUSED_CALLER) instanceof Caller refused ? refused : null;
    }

    private Object attribute(ContainerRequestContext req, String name) {
        Object v = req.getProperty(name);
        return v == null && servlet != null ? servlet.getAttribute(name) : v;
    }

    static String action(Method method) {
        Audited named = method.getAnnotation(Audited.class);
        if (named != null) {
            return named.value();
        }
        String type = method.getDeclaringClass().getSimpleName().replaceFirst("Resource$", "");
        return Character.toLowerCase(type.charAt(0)) + type.substring(1) + "." + method.getName().toLowerCase(Locale.ROOT);
    }
}
