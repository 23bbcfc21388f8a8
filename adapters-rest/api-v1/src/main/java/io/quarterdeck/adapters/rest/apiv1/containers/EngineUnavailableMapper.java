package io.quarterdeck.adapters.rest.apiv1.containers;

import io.quarterdeck.adapters.rest.spine.ErrorBodies;
import io.quarterdeck.domain.containers.EngineUnavailableException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

/**
 * A container engine that does not answer: 503 with {@code Retry-After}, in the error shape of the request's
 * surface, naming the server ({@code details.server_id}). More specific than the spine's mapper of domain
 * exceptions, so JAX-RS picks this one.
 */
@Provider
public class EngineUnavailableMapper implements ExceptionMapper<EngineUnavailableException> {
    @Context
    UriInfo uri;

    @Override
    public Response toResponse(EngineUnavailableException e) {
        Response r = ErrorBodies.build(uri.getPath(), 503, ErrorBodies.codeFor(503),
                "The container engine of " + e.engine() + " is unavailable; retry shortly",
                Map.of("server_id", e.engine()));
        return Response.fromResponse(r).header("Retry-After", String.valueOf(e.retryAfterSeconds())).build();
    }
}
