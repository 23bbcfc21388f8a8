package io.quarterdeck.adapters.rest.spine;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Builds an error response in the shape of the surface a request path belongs to: the registered {@link ErrorShape}
 * with the longest mount that the path is at or under.
 */
public final class ErrorBodies {
    /** Longest mount first, so {@code api/v1} is tried before the root. */
    private static final List<ErrorShape> SHAPES = ServiceLoader.load(ErrorShape.class, ErrorShape.class.getClassLoader())
            .stream().map(ServiceLoader.Provider::get)
            .sorted(Comparator.comparingInt((ErrorShape s) -> s.mount().length()).reversed()).toList();

    private ErrorBodies() {
    }

    /** The shape of a request path (with or without a leading slash). */
    public static ErrorShape shapeOf(String path) {
        String p = path == null ? "" : path.startsWith("/") ? path.substring(1) : path;
        for (ErrorShape shape : SHAPES) {
            String m = shape.mount();
            if (m.isEmpty() || p.equals(m) || p.startsWith(m + "/")) {
                return shape;
            }
        }
        throw new IllegalStateException("no error shape is registered for the root surface; registered: " + SHAPES);
    }

    /** An error response for a request path. */
    public static Response build(String path, int status, String code, String message, Map<String, String> details) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(shapeOf(path).body(code, message, details)).build();
    }

    /** The JSON text of an error for a request path. */
    public static String body(String path, String code, String message, Map<String, String> details) {
        return shapeOf(path).body(code, message, details);
    }

    /** A stable code for a status, for surfaces that carry one. */
    public static String codeFor(int status) {
        return switch (status) {
            case 400 -> "VALIDATION_ERROR";
            case 401 -> "UNAUTHORIZED";
            case 403 -> "FORBIDDEN";
            case 404 -> "RESOURCE_NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 406 -> "NOT_ACCEPTABLE";
            case 409 -> "CONFLICT";
            case 413 -> "PAYLOAD_TOO_LARGE";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            case 429 -> "RATE_LIMITED";
            case 503 -> "SERVICE_UNAVAILABLE";
            default -> status >= 500 ? "INTERNAL_ERROR" : "REQUEST_ERROR";
        };
    }
}
