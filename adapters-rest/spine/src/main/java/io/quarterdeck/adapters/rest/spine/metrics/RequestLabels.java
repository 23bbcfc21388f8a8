package io.quarterdeck.adapters.rest.spine.metrics;

import io.quarterdeck.adapters.rest.spine.ErrorShape;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.util.Locale;
import java.util.Set;

/**
 * Label values of the request counter, each from a closed set so that no client can make the metric set grow: the
 * surface (one per registered error shape), the route template of the matched resource method (never the raw
 * path; {@value #UNMATCHED} for every request no resource method took), the HTTP method (a fixed list, else
 * {@value #OTHER}) and the status code (three digits).
 */
final class RequestLabels {
    static final String UNMATCHED = "unmatched";
    static final String OTHER = "other";
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    private RequestLabels() {
    }

    /** {@code HealthMonitorErrorShape} is the surface {@code health-monitor}. */
    static String surface(ErrorShape shape) {
        String simple = shape.getClass().getSimpleName().replaceFirst("(Error)?Shape$", "");
        return simple.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /** The route template of a resource method ({@code /api/errors/{id}}), or {@value #UNMATCHED} without one. */
    static String route(Class<?> resource, Method method) {
        if (resource == null || method == null) {
            return UNMATCHED;
        }
        Path base = resource.getAnnotation(Path.class);
        Path sub = method.getAnnotation(Path.class);
        String route = join(base == null ? "" : base.value(), sub == null ? "" : sub.value());
        return route.isEmpty() ? "/" : route;
    }

    private static String join(String a, String b) {
        String left = a.endsWith("/") ? a.substring(0, a.length() - 1) : a;
        String right = b.isEmpty() || b.startsWith("/") ? b : "/" + b;
        String joined = left + right;
        return joined.startsWith("/") || joined.isEmpty() ? joined : "/" + joined;
    }

    static String method(String method) {
        return method != null && METHODS.contains(method) ? method : OTHER;
    }

    /** A status outside 100-599 (which no server should send) is counted as {@value #OTHER}. */
    static String status(int status) {
        return status >= 100 && status <= 599 ? Integer.toString(status) : OTHER;
    }
}
