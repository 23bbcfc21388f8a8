package io.quarterdeck.adapters.rest.apiv1.logs;

import io.quarterdeck.adapters.rest.spine.ErrorBodies;
import io.quarterdeck.adapters.rest.spine.QueryParameters;
import io.quarterdeck.adapters.rest.spine.security.Audited;
import io.quarterdeck.adapters.rest.spine.security.Requires;
import io.quarterdeck.application.port.in.logs.QueryLogsUseCase;
import io.quarterdeck.application.port.out.logs.LogStoreUnavailableException;
import io.quarterdeck.domain.identity.Role;
import io.quarterdeck.domain.identity.Scope;
import io.quarterdeck.domain.logs.AppGlob;
import io.quarterdeck.domain.logs.LogLevel;
import io.quarterdeck.domain.logs.LogQuery;
import io.quarterdeck.domain.shared.InvalidFieldException;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Logs under {@code /api/v1} (API-MAP): {@code GET /logs} queries across all sources (seed 003), {@code /logs/services}
 * lists the sources (seed 000), {@code /logs/{source_id}} reads one source, a service, container, server or app
 * (seeds 000 and 004). Viewers may read logs; every read is audited.
 */
@Path("/api/v1/logs")
@Produces(MediaType.APPLICATION_JSON)
public class LogsResource {
    static final int QUERY_DEFAULT_LIMIT = 100;
    static final int SOURCE_DEFAULT_LIMIT = 1000;

    private final QueryLogsUseCase logs;
    private final Clock clock;

    @Inject
    public LogsResource(QueryLogsUseCase logs, Clock clock) {
        this.logs = logs;
        this.clock = clock;
    }

    @GET
    @Requires(role = Role.VIEWER, scopes = Scope.READ)
    @Audited("logs.query")
    @Operation(summary = "Lines across all sources, newest first (seed 003): app (name or glob), minimum level, "
            + "from, to, search, limit (default 100, at most 5000), offset")
    @APIResponse(responseCode = "200", description = "A page of lines",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LogPageDto.class)))
    public LogPageDto query(@QueryParam("app") String app, @QueryParam("level") String level,
                            @QueryParam("from") String from, @QueryParam("to") String to,
                            @QueryParam("search") String search, @QueryParam("limit") String limit,
                            @QueryParam("offset") String offset) {
        LogQuery q = new LogQuery(null, AppGlob.parse("app", app), level(level), null,
                QueryParameters.instant("from", from), QueryParameters.instant("to", to), search(search),
                QueryParameters.integer("limit", limit, QUERY_DEFAULT_LIMIT, 1, LogQuery.MAX_LIMIT),
                QueryParameters.integer("offset", offset, 0, 0, 10_000_000));
        return LogPageDto.from(available(() -> logs.query(q)));
    }

    @GET
    @Path("/services")
    @Requires(role = Role.VIEWER, scopes = Scope.READ)
    @Audited("logs.services")
    @Operation(summary = "Every log source with lines (seed 000): id, name, status, log_level of its latest line")
    @APIResponse(responseCode = "200", description = "The sources",
        content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT, requiredProperties = "services", properties =
                @SchemaProperty(name = "services", type = SchemaType.ARRAY, implementation = LogServiceDto.class))))
    public Map<String, List<LogServiceDto>> services() {
        Instant now = clock.instant();
        return Map.of("services", available(logs::sources).stream().map(s -> LogServiceDto.from(s, now)).toList());
    }

    @GET
    @Path("/{source_id}")
    @Requires(role = Role.VIEWER, scopes = Scope.READ)
    @Audited("logs.source")
    @Operation(summary = "Lines of one source, newest first (seeds 000 and 004): a service, container, server or app; "
            + "level (minimum), start_time, end_time, search, limit (default 1000, at most 5000), offset")
    @APIResponse(responseCode = "200", description = "A page of lines",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LogPageDto.class)))
    public LogPageDto source(@PathParam("source_id") String sourceId, @QueryParam("level") String level,
                             @QueryParam("start_time") String startTime, @QueryParam("end_time") String endTime,
                             @QueryParam("search") String search, @QueryParam("limit") String limit,
                             @QueryParam("offset") String offset) {
        if (sourceId == null || sourceId.isBlank() || sourceId.length() > 200) {
            throw new InvalidFieldException("source_id", "must be 1 to 200 characters");
        }
        LogQuery q = new LogQuery(sourceId, null, level(level), null,
                QueryParameters.instant("start_time", startTime), QueryParameters.instant("end_time", endTime),
                search(search), QueryParameters.integer("limit", limit, SOURCE_DEFAULT_LIMIT, 1, LogQuery.MAX_LIMIT),
                QueryParameters.integer("offset", offset, 0, 0, 10_000_000));
        return LogPageDto.from(available(() -> logs.ofSource(q)));
    }

    /** An external log store (Loki) that is down: 503 in the surface's shape, on the reads that need it only. */
    static <T> T available(Supplier<T> read) {
        try {
            return read.get();
        } catch (LogStoreUnavailableException e) {
            throw new WebApplicationException(ErrorBodies.build("/api/v1/logs", 503, "SERVICE_UNAVAILABLE",
                    e.getMessage(), Map.of()));
        }
    }

    static LogLevel level(String raw) {
        return raw == null || raw.isBlank() ? null : LogLevel.parse("level", raw);
    }

    static String search(String raw) {
        if (raw != null && raw.length() > LogQuery.MAX_SEARCH_CHARS) {
            throw new InvalidFieldException("search", "must be at most " + LogQuery.MAX_SEARCH_CHARS + " characters");
        }
        return raw;
    }
}
