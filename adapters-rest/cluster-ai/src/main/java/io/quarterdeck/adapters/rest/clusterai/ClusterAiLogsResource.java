package io.quarterdeck.adapters.rest.clusterai;

import io.quarterdeck.adapters.rest.spine.ErrorBodies;
import io.quarterdeck.adapters.rest.spine.QueryParameters;
import io.quarterdeck.adapters.rest.spine.Times;
import io.quarterdeck.adapters.rest.spine.security.Audited;
import io.quarterdeck.adapters.rest.spine.security.Requires;
import io.quarterdeck.application.port.in.logs.QueryLogsUseCase;
import io.quarterdeck.application.port.out.logs.LogStoreUnavailableException;
import io.quarterdeck.domain.identity.Role;
import io.quarterdeck.domain.identity.Scope;
import io.quarterdeck.domain.logs.LogEntry;
import io.quarterdeck.domain.logs.LogLevel;
import io.quarterdeck.domain.logs.LogQuery;
import io.quarterdeck.domain.shared.InvalidFieldException;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Seed 002's {@code GET /logs} at {@code /cluster-ai/logs}: the newest lines of every source, {@code level} exactly
 * (ERROR, WARNING, INFO, DEBUG), {@code component} the source's name, each with seed 002's {@code raw} line.
 */
@Path("/cluster-ai/logs")
@Produces(MediaType.APPLICATION_JSON)
public class ClusterAiLogsResource {
    static final int MAX_LIMIT = 1000;

    private final QueryLogsUseCase logs;

    @Inject
    public ClusterAiLogsResource(QueryLogsUseCase logs) {
        this.logs = logs;
    }

    /** One line as seed 002 shows it. */
    public record LogLineDto(String timestamp, String level, String component, String message, String raw) {
        static LogLineDto from(LogEntry e) {
            String at = Times.format(e.timestamp());
            String level = e.level().longName();
            return new LogLineDto(at, level, e.service(), e.message(),
                    "[" + at.replace('T', ' ').replace("Z", "") + "] [" + level + "] [" + e.service() + "] "
                            + e.message());
        }
    }

    @GET
    @Requires(role = Role.VIEWER, scopes = Scope.READ)
    @Audited("logs.cluster_ai")
    @Operation(summary = "The newest log lines: limit (default 100, at most 1000), level, component")
    @APIResponse(responseCode = "200", description = "Lines, newest first",
        content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = LogLineDto.class)))
    public List<LogLineDto> logs(@QueryParam("limit") String limit, @QueryParam("level") String level,
                                 @QueryParam("component") String component) {
        if (component != null && (component.isBlank() || component.length() > 200)) {
            throw new InvalidFieldException("component", "must be 1 to 200 characters");
        }
        LogQuery q = new LogQuery(component, null, null,
                level == null || level.isBlank() ? null : LogLevel.parse("level", level), null, null, null,
                QueryParameters.integer("limit", limit, 100, 1, MAX_LIMIT), 0);
        try {
            return logs.query(q).entries().stream().map(LogLineDto::from).toList();
        } catch (LogStoreUnavailableException e) {
            throw new WebApplicationException(ErrorBodies.build("/cluster-ai/logs", 503, "SERVICE_UNAVAILABLE",
                    e.getMessage(), java.util.Map.of()));
        }
    }
}
