package io.quarterdeck.adapters.rest.support;

import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** Builds an error response in the shape of the surface it belongs to (API-MAP.md); the one place that knows them. */
public final class ErrorBodies {
    /** Looked up once: {@code Json.createXxx} searches for the provider on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private ErrorBodies() {
    }

    /**
     * @param code    a stable machine code such as {@code VALIDATION_ERROR} (shown where the shape has one)
     * @param message a sentence for people; never a stack trace, SQL or internal path
     * @param details extra data such as {@code {"field": "level"}} (shown where the shape has room)
     */
    public static Response build(Surface surface, int status, String code, String message, Map<String, String> details) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body(surface, code, message, details))
                .build();
    }

    /** The JSON text of an error in the surface's shape. */
    public static String body(Surface surface, String code, String message, Map<String, String> details) {
        JsonObjectBuilder body = JSON.createObjectBuilder();
        switch (surface) {
            case HEALTH_MONITOR -> body.add("error", message).add("status", "error");
            case CLUSTER_AI -> body.add("detail", message);
            case API_V1 -> {
                JsonObjectBuilder d = JSON.createObjectBuilder();
                details.forEach(d::add);
                body.add("error", JSON.createObjectBuilder().add("code", code).add("message", message).add("details", d));
            }
            default -> throw new IllegalStateException();
        }
        return body.build().toString();
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
