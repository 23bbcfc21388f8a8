package io.quarterdeck.adapters.rest.healthmonitor.alerting;

import io.quarterdeck.adapters.rest.spine.security.Requires;
import io.quarterdeck.application.port.in.analytics.ErrorAnalyticsUseCase;
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
 * Seed 001 section 3: {@code GET /api/analytics/trends} and {@code GET /api/analytics/performance}, kept a minute
 * unless errors are written meanwhile ({@code X-Cache: HIT|MISS}).
 */
@Path("/api/analytics")
@Produces(MediaType.APPLICATION_JSON)
public class TrendsResource {
    private final ErrorAnalyticsUseCase analytics;

    @Inject
    public TrendsResource(ErrorAnalyticsUseCase analytics) {
        this.analytics = analytics;
    }

    @GET
    @Path("/trends")
    @Requires(role = Role.VIEWER, scopes = Scope.READ)
    @APIResponse(responseCode = "200", description = "Occurrences, resolutions and criticals per bucket (only buckets"
        + " with data)", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT, requiredProperties = {"data", "status"}, properties = {
                @SchemaProperty(name = "data", type = SchemaType.OBJECT),
                @SchemaProperty(name = "status", type = SchemaType.STRING, enumeration = "success")})))
    public Response trends(@Parameter(description = "time (24 h), week, month or year; default week")
                           @QueryParam("period") String period,
                           @Parameter(description = "hour, day, week or month; default by period")
                           @QueryParam("group_by") String groupBy) {
        var cached = analytics.cachedTrend(period, groupBy);
        var t = cached.value();
        List<Map<String, Object>> points = t.points().stream().map(b -> {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("timestamp", AlertingDtos.time(b.start()));
            p.put("error_count", b.errorCount());
            p.put("resolved_count", b.resolvedCount());
            p.put("critical_count", b.criticalCount());
            return p;
        }).toList();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("period", t.period());
        m.put("group_by", t.groupBy());
        m.put("from", AlertingDtos.time(t.from()));
        m.put("to", AlertingDtos.time(t.to()));
        m.put("data_points", points);
        return CacheHeader.of(cached, m);
    }

    @GET
    @Path("/performance")
    @Requires(role = Role.VIEWER, scopes = Scope.READ)
    @APIResponse(responseCode = "200", description = "Performance over the last 24 h from stored data:"
        + " avg_response_time (ms, the dependency checks), throughput_rpm (error events per minute),"
        + " availability_percent (database checks up); error_rate_percent and performance_score are null (no source)",
        content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT, requiredProperties = {"data", "status"}, properties = {
                @SchemaProperty(name = "data", type = SchemaType.OBJECT),
                @SchemaProperty(name = "status", type = SchemaType.STRING, enumeration = "success")})))
    public Response performance() {
        var cached = analytics.performance();
        var p = cached.value();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("avg_response_time", p.avgResponseTimeMs());
        m.put("error_rate_percent", p.errorRatePercent());
        m.put("throughput_rpm", p.throughputRpm());
        m.put("availability_percent", p.availabilityPercent());
        m.put("performance_score", p.performanceScore());
        m.put("error_events", p.errorEvents());
        m.put("from", AlertingDtos.time(p.from()));
        m.put("to", AlertingDtos.time(p.to()));
        return CacheHeader.of(cached, m);
    }

}
