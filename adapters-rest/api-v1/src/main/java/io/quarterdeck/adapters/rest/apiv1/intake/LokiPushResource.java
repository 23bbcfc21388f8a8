package io.quarterdeck.adapters.rest.apiv1.intake;

import io.quarterdeck.adapters.rest.spine.RequestAttributes;
import io.quarterdeck.adapters.rest.spine.body.BoundedBody;
import io.quarterdeck.adapters.rest.spine.body.JsonBodies;
import io.quarterdeck.adapters.rest.spine.ratelimit.RateLimited;
import io.quarterdeck.adapters.rest.spine.security.Requires;
import io.quarterdeck.adapters.rest.spine.security.Unaudited;
import io.quarterdeck.application.port.in.logs.IngestLogsUseCase;
import io.quarterdeck.domain.identity.Role;
import io.quarterdeck.domain.identity.Scope;
import io.quarterdeck.domain.logs.LogEntry;
import io.quarterdeck.domain.shared.InvalidFieldException;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * {@code POST /loki/api/v1/push}: Loki's push API, so that Promtail, Grafana Alloy, Fluent Bit or any Loki client
 * ships into Quarterdeck unchanged. JSON ({@code application/json}, gzip allowed) and Loki's native protobuf with
 * snappy ({@code application/x-protobuf}). Answers 204 once the lines are committed. Callers: a service client or API
 * key with {@code ingest} (also as {@code Authorization: Bearer <api key>}), or a developer and above.
 */
@Path("/loki/api/v1/push")
public class LokiPushResource {
    static final int MAX_BODY_BYTES = 10 * 1024 * 1024;

    private final IngestLogsUseCase ingest;
    @Context
    HttpServletRequest request;

    @Inject
    public LokiPushResource(IngestLogsUseCase ingest) {
        this.ingest = ingest;
    }

    @POST
    @Consumes({MediaType.APPLICATION_JSON, "application/x-protobuf"})
    @Requires(role = Role.DEVELOPER, scopes = Scope.INGEST)
    @RateLimited(RateLimited.Plan.INGEST)
    @Unaudited("log lines are telemetry, stored as lines; refusals are still audited")
    @Operation(summary = "Loki push API: streams of labelled lines (JSON, or protobuf with snappy)")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
        schema = @Schema(type = SchemaType.OBJECT,
            description = "{\"streams\":[{\"stream\":{\"service\":\"api\"},\"values\":[[\"<unix ns>\",\"line\"]]}]}",
            requiredProperties = "streams", properties =
                @SchemaProperty(name = "streams", type = SchemaType.ARRAY, implementation = Object.class))))
    @APIResponse(responseCode = "204", description = "Stored (durable)")
    public Response push(InputStream body, @HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType contentType) {
        byte[] bytes = BoundedBody.read(body, request.getContentLengthLong(), MAX_BODY_BYTES);
        List<LogEntry> entries;
        if (contentType != null && "x-protobuf".equalsIgnoreCase(contentType.getSubtype())) {
            entries = LokiProtobuf.parse(bytes);
        } else {
            entries = LokiPushParser.parse(JsonBodies.parse(bytes, contentType));
        }
        if (entries.isEmpty()) {
            return Response.noContent().build();
        }
        int stored = ingest.ingest(entries);
        request.setAttribute(RequestAttributes.SUMMARY, "pushed " + stored + " log lines");
        return Response.noContent().build();
    }

}
