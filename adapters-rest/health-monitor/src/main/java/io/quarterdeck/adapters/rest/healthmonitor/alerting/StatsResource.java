package io.quarterdeck.adapters.rest.healthmonitor.alerting;

import io.quarterdeck.adapters.rest.spine.security.Requires;
import io.quarterdeck.application.port.in.analytics.ErrorAnalyticsUseCase;
import io.quarterdeck.application.port.in.notifications.ManageChannelsUseCase;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Seed 001 section 3: {@code GET /api/stats}, aggregates computed by the database, kept a minute unless errors are
 * written meanwhile ({@code X-Cache: HIT|MISS}).
 */
@Path("/api/stats")
@Produces(MediaType.APPLICATION_JSON)
public class StatsResource {
    private final ErrorAnalyticsUseCase analytics;

    @Inject
    public StatsResource(ErrorAnalyticsUseCase analytics) {
        this.analytics = analytics;
    }

    @GET
    @Requires(role = Role.VIEWER, scopes = Scope.READ)
    @APIResponse(responseCode = "200", description = "Error statistics (today, this week and month in UTC)",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT, requiredProperties = {"data", "status"}, properties = {
                @SchemaProperty(name = "data", type = SchemaType.OBJECT),
                @SchemaProperty(name = "status", type = SchemaType.STRING, enumeration = "success")})))
    public Response stats() {
        var cached = analytics.cachedStats();
        var s = cached.value();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("total_errors", s.totalErrors());
        m.put("resolved_errors", s.resolvedErrors());
        m.put("errors_today", s.errorsToday());
        m.put("errors_this_week", s.errorsThisWeek());
        m.put("errors_this_month", s.errorsThisMonth());
        m.put("error_rate_24h", s.errorRate24h());
        m.put("resolution_rate", s.resolutionRate());
        m.put("avg_resolution_time", s.avgResolutionTime());
        return CacheHeader.of(cached, m);
    }

}
