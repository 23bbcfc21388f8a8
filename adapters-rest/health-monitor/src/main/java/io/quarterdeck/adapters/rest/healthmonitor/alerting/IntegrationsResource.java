package io.quarterdeck.adapters.rest.healthmonitor.alerting;

import io.quarterdeck.adapters.rest.healthmonitor.Envelope;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Seed 001 section 6: {@code GET /api/settings/integrations}, the notification channels. Admins only. */
@Path("/api/settings/integrations")
@Produces(MediaType.APPLICATION_JSON)
public class IntegrationsResource {
    private final ManageChannelsUseCase channels;

    @Inject
    public IntegrationsResource(ManageChannelsUseCase channels) {
        this.channels = channels;
    }

    @GET
    @Requires(role = Role.ADMIN)
    @APIResponse(responseCode = "200", description = "Notification channels as integrations; secrets as previews",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT, requiredProperties = {"data", "status"}, properties = {
                @SchemaProperty(name = "data", type = SchemaType.OBJECT),
                @SchemaProperty(name = "status", type = SchemaType.STRING, enumeration = "success")})))
    public Envelope<Map<String, List<Map<String, Object>>>> integrations() {
        return Envelope.success(Map.of("integrations", channels.list().stream().map(AlertingDtos::integration)
                .toList()));
    }
}
