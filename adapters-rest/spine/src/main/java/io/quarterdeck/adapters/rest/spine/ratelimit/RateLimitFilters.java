package io.quarterdeck.adapters.rest.spine.ratelimit;

import io.quarterdeck.adapters.rest.spine.ratelimit.RateLimited.Plan;
import io.quarterdeck.adapters.rest.spine.ratelimit.RateLimiter.Decision;
import io.quarterdeck.adapters.rest.spine.ratelimit.RateLimiter.Limit;
import io.quarterdeck.adapters.rest.spine.security.AuthenticatedPrincipal;
import io.quarterdeck.adapters.rest.spine.security.AuthenticationFilter;
import io.quarterdeck.adapters.rest.spine.ClientAddressResolver;
import io.quarterdeck.adapters.rest.spine.ErrorBodies;
import io.quarterdeck.adapters.rest.spine.RequestAttributes;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.Map;

/**
 * Rate limits around authentication. Before it: sign-in endpoints count per client address; requests without
 * credentials count per address; requests with credentials are refused only when their address has used up its
 * allowance of failed attempts (each 401 is charged to it afterwards), so guessing keys or passwords is slow.
 * After it: an authenticated request counts against its caller (ingestion against the caller's ingest limit).
 * A refusal is a 429 in the surface's error shape with {@code Retry-After}; every counted response carries
 * {@code RateLimit-Limit}, {@code RateLimit-Remaining}, {@code RateLimit-Reset} and {@code RateLimit-Policy}.
 */
public final class RateLimitFilters {
    static final String DECISION = "quarterdeck.rate-limit.decision";
    static final String ADDRESS = "quarterdeck.rate-limit.address";

    private RateLimitFilters() {
    }

    static Plan planOf(Method m) {
        RateLimited r = m.getAnnotation(RateLimited.class);
        if (r == null) {
            r = m.getDeclaringClass().getAnnotation(RateLimited.class);
        }
        return r == null ? Plan.GENERAL : r.value();
    }

    static boolean hasCredentials(ContainerRequestContext ctx) {
        return ctx.getHeaderString("Authorization") != null
                || ctx.getHeaderString(AuthenticationFilter.API_KEY_HEADER) != null;
    }

    static Response tooMany(ContainerRequestContext ctx, Decision d, String why) {
        ctx.setProperty(RequestAttributes.REFUSAL, "rate limited: " + why);
        Response r = ErrorBodies.build(ctx.getUriInfo().getPath(), 429, "RATE_LIMITED",
                "Too many requests; retry in " + d.retryAfterSeconds() + " s",
                Map.of("retry_after_seconds", Long.toString(d.retryAfterSeconds()), "limit", why));
        return Response.fromResponse(r).header("Retry-After", Long.toString(d.retryAfterSeconds())).build();
    }

    /** Counts by client address, before credentials are checked. */
    @Provider
    @Priority(Priorities.AUTHENTICATION - 100)
    public static class ByAddress implements ContainerRequestFilter {
        @Context
        ResourceInfo resource;
        @Context
        HttpServletRequest servlet;
        @Inject
        RateLimiter limiter;
        @Inject
        ClientAddressResolver addresses;

        @Override
        public void filter(ContainerRequestContext ctx) {
            Method method = resource.getResourceMethod();
            if (method == null) {
                return;
            }
            Plan plan = planOf(method);
            if (plan == Plan.NONE) {
                return;
            }
            String address = servlet == null ? "unknown"
                    : addresses.resolve(servlet.getRemoteAddr(), servlet.getHeader("X-Forwarded-For"));
            ctx.setProperty(ADDRESS, address);
            Decision d;
            String why;
            if (plan == Plan.AUTH) {
                d = limiter.acquire(Limit.AUTH_PER_ADDRESS, address);
                why = "sign-in attempts per address";
            } else if (!hasCredentials(ctx)) {
                d = limiter.acquire(Limit.ANONYMOUS_PER_ADDRESS, address);
                why = "unauthenticated requests per address";
            } else {
                d = limiter.exhausted(Limit.ANONYMOUS_PER_ADDRESS, address);
                why = "failed authentications per address";
            }
            if (d == null) {
                return;
            }
            ctx.setProperty(DECISION, d);
            if (!d.allowed()) {
                ctx.abortWith(tooMany(ctx, d, why));
            }
        }
    }

    /** Counts by caller, once credentials are known good. */
    @Provider
    @Priority(Priorities.AUTHENTICATION + 100)
    public static class ByCaller implements ContainerRequestFilter {
        @Context
        ResourceInfo resource;
        @Inject
        RateLimiter limiter;

        @Override
        public void filter(ContainerRequestContext ctx) {
            Method method = resource.getResourceMethod();
            if (method == null || ctx.getSecurityContext() == null
                    || !(ctx.getSecurityContext().getUserPrincipal() instanceof AuthenticatedPrincipal p)) {
                return;
            }
            Plan plan = planOf(method);
            if (plan == Plan.NONE || plan == Plan.AUTH) {
                return;
            }
            boolean ingest = plan == Plan.INGEST;
            Decision d = limiter.acquire(ingest ? Limit.INGEST_PER_CALLER : Limit.PER_CALLER, p.caller().id());
            if (d == null) {
                return;
            }
            ctx.setProperty(DECISION, d);
            if (!d.allowed()) {
                ctx.abortWith(tooMany(ctx, d, ingest ? "ingestion requests per API key" : "requests per caller"));
            }
        }
    }

    /** Charges failed authentications to the address and writes the RateLimit headers. */
    @Provider
    @Priority(Priorities.HEADER_DECORATOR)
    public static class Headers implements ContainerResponseFilter {
        @Inject
        RateLimiter limiter;

        @Override
        public void filter(ContainerRequestContext req, ContainerResponseContext res) {
            if (res.getStatus() == 401 && hasCredentials(req) && req.getProperty(ADDRESS) instanceof String address) {
                limiter.charge(Limit.ANONYMOUS_PER_ADDRESS, address);
            }
            if (req.getProperty(DECISION) instanceof Decision d) {
                MultivaluedMap<String, Object> h = res.getHeaders();
                h.putSingle("RateLimit-Limit", d.limit());
                h.putSingle("RateLimit-Remaining", d.remaining());
                h.putSingle("RateLimit-Reset", d.resetSeconds());
                h.putSingle("RateLimit-Policy", d.limit() + ";w=60");
            }
        }
    }
}
