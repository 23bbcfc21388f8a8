package io.quarterdeck.adapters.rest.healthmonitor;

import io.quarterdeck.adapters.rest.spine.ratelimit.RateLimited;
import io.quarterdeck.adapters.rest.spine.security.Requires;
import io.quarterdeck.adapters.rest.spine.security.Unaudited;
import io.quarterdeck.adapters.rest.spine.body.BoundedBody;
import io.quarterdeck.adapters.rest.spine.ClientAddressResolver;
import io.quarterdeck.adapters.rest.spine.QueryParameters;
import io.quarterdeck.adapters.rest.spine.body.JsonBodies;
import io.quarterdeck.adapters.rest.spine.RestSettings;
import io.quarterdeck.application.port.in.errors.DeleteErrorUseCase;
import io.quarterdeck.application.port.in.errors.GetErrorUseCase;
import io.quarterdeck.application.port.in.errors.IngestErrorCommand;
import io.quarterdeck.application.port.in.errors.IngestErrorUseCase;
import io.quarterdeck.application.port.in.errors.IngestOutcome;
import io.quarterdeck.application.port.in.errors.ListErrorsUseCase;
import io.quarterdeck.application.port.in.errors.ResolveErrorUseCase;
import io.quarterdeck.domain.errors.ErrorGroup;
import io.quarterdeck.domain.errors.ErrorGroupId;
import io.quarterdeck.domain.errors.ErrorLevel;
import io.quarterdeck.domain.errors.ErrorQuery;
import io.quarterdeck.domain.identity.Role;
import io.quarterdeck.domain.identity.Scope;
import io.quarterdeck.domain.shared.FieldTooLargeException;
import io.quarterdeck.domain.shared.InvalidFieldException;
import io.quarterdeck.domain.shared.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Seed 001 section 2: error ingestion and management under {@code /api/errors}. */
@Path("/api/errors")
@ApplicationScoped // one instance: no per-request bean creation, injection or config lookups
@Produces(MediaType.APPLICATION_JSON)
public class ErrorsResource {
    private final IngestErrorUseCase ingest;
    private final ListErrorsUseCase list;
    private final GetErrorUseCase get;
    private final ResolveErrorUseCase resolve;
    private final DeleteErrorUseCase delete;
    private final ClientAddressResolver addresses;
    private final int maxBodyBytes;
    private final int maxBatchItems;
    @Context
    HttpServletRequest request;

    @Inject
    public ErrorsResource(IngestErrorUseCase ingest, ListErrorsUseCase list, GetErrorUseCase get,
                          ResolveErrorUseCase resolve, DeleteErrorUseCase delete, ClientAddressResolver addresses,
                          RestSettings settings) {
        this.ingest = ingest;
        this.list = list;
        this.get = get;
        this.resolve = resolve;
        this.delete = delete;
        this.addresses = addresses;
        this.maxBodyBytes = settings.errorsMaxBodyBytes();
        this.maxBatchItems = settings.errorsMaxBatchItems();
    }

    /** For CDI proxies only. */
    protected ErrorsResource() {
        this.ingest = null;
        this.list = null;
        this.get = null;
        this.resolve = null;
        this.delete = null;
        this.addresses = null;
        this.maxBodyBytes = 0;
        this.maxBatchItems = 0;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(role = Role.DEVELOPER, scopes = {Scope.INGEST, Scope.WRITE})
    @RateLimited(RateLimited.Plan.INGEST)
    @Unaudited("error reports are telemetry, each kept as an occurrence; refusals are still audited")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT,
                description = "One error report, or an array of up to quarterdeck.errors.max-batch-items of them",
                requiredProperties = {"message"}, properties = {
                    @SchemaProperty(name = "level", type = SchemaType.STRING),
                    @SchemaProperty(name = "message", type = SchemaType.STRING),
                    @SchemaProperty(name = "stack_trace", type = SchemaType.STRING),
                    @SchemaProperty(name = "context", type = SchemaType.OBJECT),
                    @SchemaProperty(name = "source", type = SchemaType.STRING),
                    @SchemaProperty(name = "environment", type = SchemaType.STRING),
                    @SchemaProperty(name = "url", type = SchemaType.STRING),
                    @SchemaProperty(name = "fingerprint", type = SchemaType.STRING)})))
    @APIResponse(responseCode = "201", description = "Recorded: the group (one report) or a result per item (an array)",
        content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT,
                requiredProperties = {"data", "status"}, properties = {
                    @SchemaProperty(name = "data", oneOf = {ErrorDto.class, BatchDto.class}),
                    @SchemaProperty(name = "status", type = SchemaType.STRING, enumeration = "success")})))
    @APIResponse(responseCode = "200", description = "An array of which some items were refused: one result per item",
        content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT,
                requiredProperties = {"data", "status"}, properties = {
                    @SchemaProperty(name = "data", implementation = BatchDto.class),
                    @SchemaProperty(name = "status", type = SchemaType.STRING, enumeration = "success")})))
    public Response create(InputStream body, @HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType contentType) {
        byte[] bytes = BoundedBody.read(body, request.getContentLengthLong(), maxBodyBytes);
        // The spine's strict parser: charset, trailing content, depth and malformed JSON are a 400 in one place.
        JsonValue json = JsonBodies.parse(bytes, contentType);
        String ip = addresses.resolve(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"));
        String agent = request.getHeader("User-Agent");
        if (json.getValueType() == JsonValue.ValueType.ARRAY) {
            return createAll(json.asJsonArray(), agent, ip);
        }
        ErrorGroup group = ingest.ingest(ErrorReportParser.parse(json, agent, ip));
        // The id is URL-safe (ErrorGroupId); a relative Location (RFC 9110 section 10.2.2) needs no URI builder.
        return Response.status(Response.Status.CREATED).header(HttpHeaders.LOCATION, "/api/errors/" + group.id().value())
                .entity(Envelope.success(ErrorDto.from(group))).build();
    }

    /**
     * A JSON array of reports: one result per item, in order. 201 when every item was recorded, 200 when some
     * were refused (each refusal says why), 400 when none was accepted.
     */
    private Response createAll(JsonArray items, String agent, String ip) {
        if (items.isEmpty()) {
            throw new InvalidFieldException("body", "an array of reports must not be empty");
        }
        if (items.size() > maxBatchItems) {
            throw new FieldTooLargeException("items", maxBatchItems);
        }
        List<IngestErrorCommand> commands = new ArrayList<>(items.size());
        InvalidFieldException[] unreadable = new InvalidFieldException[items.size()];
        for (int i = 0; i < items.size(); i++) {
            try {
                commands.add(ErrorReportParser.parse(items.get(i), agent, ip));
            } catch (InvalidFieldException e) {
                unreadable[i] = e;
            }
        }
        List<IngestOutcome> outcomes = commands.isEmpty() ? List.of() : ingest.ingestAll(commands);
        List<BatchResultDto> results = new ArrayList<>(items.size());
        int next = 0;
        int accepted = 0;
        InvalidFieldException first = null;
        int firstIndex = -1;
        for (int i = 0; i < items.size(); i++) {
            InvalidFieldException rejection = unreadable[i];
            IngestOutcome outcome = rejection == null ? outcomes.get(next++) : null;
            if (outcome != null && outcome.accepted()) {
                accepted++;
                results.add(new BatchResultDto(i, 201, ErrorDto.from(outcome.group()), null));
            } else {
                rejection = rejection != null ? rejection : outcome.rejection();
                if (first == null) {
                    first = rejection;
                    firstIndex = i;
                }
                results.add(new BatchResultDto(i, rejection instanceof FieldTooLargeException ? 413 : 400, null,
                        "Invalid " + rejection.getMessage()));
            }
        }
        if (accepted == 0) {
            if (first instanceof FieldTooLargeException) {
                throw first;
            }
            String reason = first.getMessage().substring(first.field().length() + 2);
            throw new InvalidFieldException("items[" + firstIndex + "]." + first.field(), reason);
        }
        return Response.status(accepted == items.size() ? 201 : 200)
                .entity(Envelope.success(new BatchDto(results, accepted, items.size() - accepted))).build();
    }

    @GET
    @Requires(role = Role.VIEWER, scopes = Scope.READ)
    public Envelope<ErrorListDto> list(@QueryParam("limit") String limit, @QueryParam("offset") String offset,
                                       @QueryParam("level") String level, @QueryParam("source") String source,
                                       @QueryParam("resolved") String resolved, @QueryParam("search") String search) {
        ErrorQuery query = new ErrorQuery(
                QueryParameters.integer("limit", limit, ErrorQuery.DEFAULT_LIMIT, 1, ErrorQuery.MAX_LIMIT),
                QueryParameters.integer("offset", offset, 0, 0, ErrorQuery.MAX_OFFSET), level == null || level.isBlank() ? null : ErrorLevel.parse("level", level),
                source, bool("resolved", resolved), search);
        return Envelope.success(ErrorListDto.from(list.list(query)));
    }

    @GET
    @Path("/{id}")
    @Requires(role = Role.VIEWER, scopes = Scope.READ)
    public Envelope<ErrorDto> get(@PathParam("id") String id) {
        return Envelope.success(ErrorDto.from(get.get(id(id))));
    }

    @PUT
    @Path("/{id}/resolve")
    @Requires(role = Role.DEVELOPER, scopes = Scope.WRITE)
    public Envelope<Map<String, String>> resolve(@PathParam("id") String id) {
        resolve.resolve(id(id));
        return Envelope.success(Map.of("status", "resolved"));
    }

    @DELETE
    @Path("/{id}")
    @Requires(role = Role.DEVELOPER, scopes = Scope.WRITE)
    @APIResponse(responseCode = "204", description = "The error group was deleted")
    public Response delete(@PathParam("id") String id) {
        delete.delete(id(id));
        return Response.noContent().build();
    }

    private static ErrorGroupId id(String raw) {
        try {
            return new ErrorGroupId(raw);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("error", raw.length() > 64 ? raw.substring(0, 64) : raw);
        }
    }

    private static Boolean bool(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return switch (raw.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1" -> Boolean.TRUE;
            case "false", "0" -> Boolean.FALSE;
            default -> throw new InvalidFieldException(field, "must be true or false");
        };
    }
}
