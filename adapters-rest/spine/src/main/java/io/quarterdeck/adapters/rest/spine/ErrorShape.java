package io.quarterdeck.adapters.rest.spine;

import java.util.Map;

/**
 * One surface's error body (API-MAP.md): each surface module implements this once and registers it in
 * {@code META-INF/services}, so the spine answers every refusal in the shape of the surface a path belongs to without
 * knowing the surfaces. A path belongs to the shape with the longest matching {@link #mount()}.
 */
public interface ErrorShape {
    /** The path prefix the surface is mounted at, without slashes ({@code api/v1}); empty for the root surface. */
    String mount();

    /**
     * The JSON text of an error.
     *
     * @param code    a stable machine code such as {@code VALIDATION_ERROR} (shown where the shape has one)
     * @param message a sentence for people; never a stack trace, SQL or internal path
     * @param details extra data such as {@code {"field": "level"}} (shown where the shape has room)
     */
    String body(String code, String message, Map<String, String> details);

    /** What a request without any credentials is told. */
    default String missingCredentialsMessage() {
        return "Authentication required";
    }
}
