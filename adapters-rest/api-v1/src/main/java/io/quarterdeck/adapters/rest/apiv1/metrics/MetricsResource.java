package io.quarterdeck.adapters.rest.apiv1.metrics;

import io.quarterdeck.adapters.rest.spine.QueryParameters;
import io.quarterdeck.adapters.rest.spine.Times;
import io.quarterdeck.adapters.rest.spine.security.Requires;
import io.quarterdeck.adapters.rest.spine.ErrorBodies;
import io.quarterdeck.application.port.in.metrics.HostMetricsUseCase;
import io.quarterdeck.application.port.in.metrics.ListDashboardsUseCase;
import io.quarterdeck.application.port.in.metrics.QueryMetricsUseCase;
import io.quarterdeck.application.port.out.metrics.DashboardCatalog;
import io.quarterdeck.application.port.out.metrics.MetricsQuery;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
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
 * ({@code from}, {@code to}, {@code interval}). {@code local} is the host Quarterdeck runs on; a registered server without samples
 * yet has an empty history and a 404 saying so for its latest; an unknown server is a 404. The literal paths {@code dashboards} and {@code query} are other resources' (API-MAP).
 */
@Path("/api/v1/metrics")
@Produces(MediaType.APPLICATION_JSON)
public class MetricsResource {
    private final HostMetricsUseCase metrics;
    private final QueryMetricsUseCase promql;
    private final ListDashboardsUseCase dashboards;
    private final Clock clock;
    @Context
    UriInfo uri;

    @Inject
    public MetricsResource(HostMetricsUseCase metrics, QueryMetricsUseCase promql, ListDashboardsUseCase dashboards,
                           Clock clock) {
        this.metrics = metrics;
        this.promql = promql;
        this.dashboards = dashboards;
        this.clock = clock;
    }

    @GET
    @Path("/query")
    @Requires(role = Role.VIEWER, scopes = Scope.READ)
    @Operation(summary = "PromQL through the configured Prometheus (seed 000): query, start and end (ISO-8601 or unix "
            + "seconds), step (15s, 1m, ...); without start an instant query at end (or now). A bad query is a 400 "
            + "with Prometheus' message; Prometheus down or not configured is a 503")
    @APIResponse(responseCode = "200", description = "Prometheus' result",
        content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT, requiredProperties = {"resultType", "result"}, properties = {
                @SchemaProperty(name = "resultType", type = SchemaType.STRING,
                    enumeration = {"matrix", "vector", "scalar", "string"}),
                @SchemaProperty(name = "result", type = SchemaType.ARRAY, implementation = Object.class)})))
    @APIResponse(responseCode = "503", description = "Prometheus is down or not configured",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ApiV1Error")))
    public Response query(@QueryParam("query") String query, @QueryParam("start") String start,
                          @QueryParam("end") String end, @QueryParam("step") String step) {
        Instant from = PromTimes.parse("start", start);
        Instant to = PromTimes.parse("end", end);
        Duration every = Intervals.parse("step", step, from == null ? null : Duration.ofSeconds(60),
                Duration.ofMillis(1), Duration.ofDays(30));
        try {
            return Response.ok(PromResultDto.of(promql.query(query, from, to, every))).build();
        } catch (MetricsQuery.QueryRejectedException e) {
            throw new InvalidFieldException("query", e.getMessage());
        } catch (MetricsQuery.BackendUnavailableException e) {
            return ErrorBodies.build(uri.getPath(), 503, "SERVICE_UNAVAILABLE", e.getMessage(), Map.of());
        }
    }

    @GET
    @Path("/dashboards")
    @Requires(role = Role.VIEWER, scopes = Scope.READ)
    @Operation(summary = "Grafana dashboards (seed 000): the configured Grafana's, or Quarterdeck's own when none is")
    @APIResponse(responseCode = "200", description = "The dashboards",
        content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT, requiredProperties = "dashboards", properties =
                @SchemaProperty(name = "dashboards", type = SchemaType.ARRAY, implementation = DashboardDto.class))))
    @APIResponse(responseCode = "503", description = "The configured Grafana does not answer",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ApiV1Error")))
    public Response dashboards() {
        try {
            return Response.ok(Map.of("dashboards", dashboards.dashboards().stream().map(DashboardDto::from).toList()))
                    .build();
        } catch (MetricsQuery.BackendUnavailableException e) {
            return ErrorBodies.build(uri.getPath(), 503, "SERVICE_UNAVAILABLE", e.getMessage(), Map.of());
        }
    }

    /** Seed 000's dashboard. */
    public record DashboardDto(String id, String title, String description, String url, List<String> tags) {
        static DashboardDto from(DashboardCatalog.Dashboard d) {
            return new DashboardDto(d.id(), d.title(), d.description(), d.url(), d.tags());
        }
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
