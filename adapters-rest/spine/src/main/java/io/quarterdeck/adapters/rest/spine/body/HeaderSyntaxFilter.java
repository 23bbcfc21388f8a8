package io.quarterdeck.adapters.rest.spine.body;

import io.quarterdeck.domain.shared.InvalidFieldException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

/**
 * {@code Accept} and {@code Content-Type} checked before JAX-RS matches a resource, because the runtime parses them
 * while matching and fails on junk (a {@code q} that is not a number) with an error no mapper sees as the client's:
 * a header that does not parse is a 400 naming it, in the surface's error shape.
 */
@Provider
@PreMatching
@Priority(Priorities.HEADER_DECORATOR)
public class HeaderSyntaxFilter implements ContainerRequestFilter {
    @Override
    public void filter(ContainerRequestContext request) {
        String bad = null;
        String accept = request.getHeaderString(HttpHeaders.ACCEPT);
        if (accept != null && !acceptParses(accept)) {
            bad = HttpHeaders.ACCEPT;
        }
        String type = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (bad == null && type != null && !mediaTypeParses(type)) {
            bad = HttpHeaders.CONTENT_TYPE;
        }
        if (bad != null) {
            // Mapped like every field error: a 400 naming the header, in the surface's shape.
            throw new InvalidFieldException(bad, "is not a valid media type list");
        }
    }

    static boolean acceptParses(String accept) {
        for (String part : accept.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            if (!mediaTypeParses(part)) {
                return false;
            }
            String q = MediaType.valueOf(part.strip()).getParameters().get("q");
            if (q != null) {
                try {
                    float f = Float.parseFloat(q);
                    if (!(f >= 0 && f <= 1)) {
                        return false;
                    }
                } catch (NumberFormatException e) {
                    return false;
                }
            }
        }
        return true;
    }

    static boolean mediaTypeParses(String value) {
        try {
            MediaType.valueOf(value.strip());
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
