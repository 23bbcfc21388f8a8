package io.quarterdeck.adapters.rest.apiv1.alerts;

import io.quarterdeck.adapters.rest.spine.QueryParameters;
import io.quarterdeck.adapters.rest.spine.security.Requires;
import io.quarterdeck.application.port.in.alerting.AlertsUseCase;
import io.quarterdeck.domain.identity.Role;
import io.quarterdeck.domain.identity.Scope;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Seed 000's {@code GET /api/v1/metrics/alerts}: the active alerts, the same data as {@code GET /api/v1/alerts}. A
 * resource of its own, so the literal path wins over {@code /api/v1/metrics/{server_id}}.
 */
@Path("/api/v1/metrics/alerts")
@Produces(MediaType.APPLICATION_JSON)
public class MetricAlertsResource {
    private final AlertsUseCase alerts;

    @Inject
    public MetricAlertsResource(AlertsUseCase alerts) {
        this.alerts = alerts;
    }

    @GET
    @Requires(role = Role.VIEWER, scopes = Scope.READ)
    @APIResponse(responseCode = "200", description = "Active alerts, newest first",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT,
            properties = @SchemaProperty(name = "alerts", type = SchemaType.ARRAY, implementation = AlertDto.class))))
    public Map<String, List<AlertDto>> active(@QueryParam("limit") String limit) {
        int n = QueryParameters.integer("limit", limit, 100, 1, 500);
        return Map.of("alerts", alerts.firing(n).stream().map(AlertDto::from).toList());
    }
}
