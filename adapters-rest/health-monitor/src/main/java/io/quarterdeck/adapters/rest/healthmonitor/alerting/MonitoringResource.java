package io.quarterdeck.adapters.rest.healthmonitor.alerting;

import io.quarterdeck.adapters.rest.healthmonitor.Envelope;
import io.quarterdeck.adapters.rest.spine.security.Requires;
import io.quarterdeck.application.port.in.monitoring.MonitorServicesUseCase;
import io.quarterdeck.application.port.in.monitoring.SystemMetricsUseCase;
import io.quarterdeck.domain.identity.Role;
import io.quarterdeck.domain.identity.Scope;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Seed 001 section 4: {@code GET /api/monitoring/services} (every service Quarterdeck uses, checked now, with its
 * uptime over 24 h of stored checks; kept 30 s unless a stored check changed a state, {@code X-Cache: HIT|MISS}),
 * {@code GET /api/monitoring/metrics} (the host's stored samples over a timeframe) and
 * {@code GET /api/monitoring/uptime} (the database's).
 */
@Path("/api/monitoring")
@Produces(MediaType.APPLICATION_JSON)
public class MonitoringResource {
    private final MonitorServicesUseCase monitoring;
    private final SystemMetricsUseCase metrics;

    @Inject
    public MonitoringResource(MonitorServicesUseCase monitoring, SystemMetricsUseCase metrics) {
        this.monitoring = monitoring;
        this.metrics = metrics;
    }

    @GET
    @Path("/services")
    @Requires(role = Role.VIEWER, scopes = Scope.READ)
    @APIResponse(responseCode = "200", description = "The configured services with status (healthy, unhealthy)",
        content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT, requiredProperties = {"data", "status"}, properties = {
                @SchemaProperty(name = "data", type = SchemaType.OBJECT),
                @SchemaProperty(name = "status", type = SchemaType.STRING, enumeration = "success")})))
    public Response services() {
        var cached = monitoring.cachedServices();
        List<Map<String, Object>> services = cached.value().stream().map(s -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", s.name());
            m.put("status", s.status());
            m.put("uptime_percent", s.uptimePercent());
            m.put("response_time_ms", s.responseTimeMs());
            m.put("last_checked", AlertingDtos.time(s.lastChecked()));
            m.put("details", s.details());
            return m;
        }).toList();
        boolean down = services.stream().anyMatch(s -> "unhealthy".equals(s.get("status")));
        boolean database = services.stream().anyMatch(s -> "database".equals(s.get("name"))
                && "unhealthy".equals(s.get("status")));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("services", services);
        data.put("overall_health", database ? "unhealthy" : down ? "degraded" : "healthy");
        return CacheHeader.of(cached, data);
    }

    @GET
    @Path("/metrics")
    @Requires(role = Role.VIEWER, scopes = Scope.READ)
    @APIResponse(responseCode = "200", description = "Averages of the host's stored samples over the timeframe"
        + " (null without samples), bytes received and sent over it; active_connections and requests_per_minute are"
        + " null (Quarterdeck counts neither)",
        content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT, requiredProperties = {"data", "status"}, properties = {
                @SchemaProperty(name = "data", type = SchemaType.OBJECT),
                @SchemaProperty(name = "status", type = SchemaType.STRING, enumeration = "success")})))
    public Envelope<Map<String, Object>> metrics(
            @Parameter(description = "1h, 6h, 24h, 7d or 30d; default 1h") @QueryParam("timeframe") String timeframe) {
        var s = metrics.metrics(timeframe);
        Map<String, Object> network = new LinkedHashMap<>();
        network.put("bytes_in", s.bytesIn());
        network.put("bytes_out", s.bytesOut());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cpu_usage_percent", s.cpuPercent());
        m.put("memory_usage_percent", s.memoryPercent());
        m.put("disk_usage_percent", s.diskPercent());
        m.put("network_io", network);
        m.put("active_connections", null);
        m.put("requests_per_minute", null);
        m.put("timeframe", s.timeframe());
        m.put("server_id", s.serverId());
        m.put("samples", s.samples());
        m.put("from", AlertingDtos.time(s.from()));
        m.put("to", AlertingDtos.time(s.to()));
        return Envelope.success(m);
    }

    @GET
    @Path("/uptime")
    @Requires(role = Role.VIEWER, scopes = Scope.READ)
    @APIResponse(responseCode = "200", description = "The database's uptime from stored checks",
        content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT, requiredProperties = {"data", "status"}, properties = {
                @SchemaProperty(name = "data", type = SchemaType.OBJECT),
                @SchemaProperty(name = "status", type = SchemaType.STRING, enumeration = "success")})))
    public Envelope<Map<String, Object>> uptime() {
        var u = monitoring.uptime();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("current_uptime_hours", u.currentUptimeHours());
        m.put("uptime_percent_24h", u.percent24h());
        m.put("uptime_percent_7d", u.percent7d());
        m.put("uptime_percent_30d", u.percent30d());
        m.put("incidents_count", u.incidentsCount());
        m.put("last_downtime", AlertingDtos.time(u.lastDowntime()));
        return Envelope.success(m);
    }
}
