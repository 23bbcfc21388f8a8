package io.quarterdeck.adapters.rest.apiv1.metrics;

import io.quarterdeck.adapters.rest.spine.QueryParameters;
import io.quarterdeck.adapters.rest.spine.Times;
import io.quarterdeck.adapters.rest.spine.security.Requires;
import io.quarterdeck.application.port.in.metrics.HostMetricsUseCase;
import io.quarterdeck.domain.identity.Role;
import io.quarterdeck.domain.identity.Scope;
import io.quarterdeck.domain.metrics.ServerIds;
import io.quarterdeck.domain.shared.InvalidFieldException;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Seed 004's server metrics: {@code GET /api/v1/metrics/{server_id}} (the latest sample) and {@code /history}
 * ({@code from}, {@code to}, {@code interval}). {@code local} is the host Quarterdeck runs on; an unknown server is a
 * 404. The literal paths {@code dashboards} and {@code query} are other resources' (API-MAP).
 */
@Path("/api/v1/metrics")
@Produces(MediaType.APPLICATION_JSON)
public class MetricsResource {
    private final HostMetricsUseCase metrics;
    private final Clock clock;

    @Inject
    public MetricsResource(HostMetricsUseCase metrics, Clock clock) {
        this.metrics = metrics;
        this.clock = clock;
    }

    @GET
    @Path("/{server_id}")
    @Requires(role = Role.VIEWER, scopes = Scope.READ)
    @Operation(summary = "The latest sample of a server's CPU, memory, disk, network and load (local = this host)")
    @APIResponse(responseCode = "200", description = "The latest sample",
        content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = HostSampleDto.class)))
    public HostSampleDto latest(@PathParam("server_id") String serverId) {
        return HostSampleDto.from(metrics.latest(ServerIds.check("server_id", serverId)));
    }

    @GET
    @Path("/{server_id}/history")
    @Requires(role = Role.VIEWER, scopes = Scope.READ)
    @Operation(summary = "Averages per interval (default 1m) over from..to (default the last hour), oldest first")
    @APIResponse(responseCode = "200", description = "The history",
        content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT, requiredProperties = {"server_id", "interval", "points"},
                properties = {
                    @SchemaProperty(name = "server_id", type = SchemaType.STRING),
                    @SchemaProperty(name = "from", type = SchemaType.STRING, format = "date-time"),
                    @SchemaProperty(name = "to", type = SchemaType.STRING, format = "date-time"),
                    @SchemaProperty(name = "interval", type = SchemaType.STRING),
                    @SchemaProperty(name = "points", type = SchemaType.ARRAY, implementation = HostSampleDto.class)})))
    public Map<String, Object> history(@PathParam("server_id") String serverId, @QueryParam("from") String from,
                                       @QueryParam("to") String to, @QueryParam("interval") String interval) {
        String id = ServerIds.check("server_id", serverId);
        Instant end = QueryParameters.instant("to", to);
        end = end == null ? clock.instant() : end;
        Instant start = QueryParameters.instant("from", from);
        start = start == null ? end.minus(Duration.ofHours(1)) : start;
        if (start.isAfter(end)) {
            throw new InvalidFieldException("from", "must not be after to");
        }
        Duration step = Intervals.parse("interval", interval, Duration.ofMinutes(1), Duration.ofSeconds(1),
                Duration.ofDays(30));
        List<HostSampleDto> points = metrics.history(id, start, end, step).stream().map(HostSampleDto::from).toList();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("server_id", id);
        out.put("from", Times.format(start));
        out.put("to", Times.format(end));
        out.put("interval", step.toSeconds() + "s");
        out.put("points", points);
        return out;
    }
}
