package io.quarterdeck.adapters.rest.healthmonitor.alerting;

import io.quarterdeck.adapters.rest.healthmonitor.Envelope;
import io.quarterdeck.adapters.rest.spine.JsonFields;
import io.quarterdeck.adapters.rest.spine.QueryParameters;
import io.quarterdeck.adapters.rest.spine.security.Audited;
import io.quarterdeck.adapters.rest.spine.security.AuthenticationFilter;
import io.quarterdeck.adapters.rest.spine.security.Requires;
import io.quarterdeck.application.port.in.alerting.ManageAlertRulesUseCase;
import io.quarterdeck.application.port.in.incidents.ManageIncidentsUseCase;
import io.quarterdeck.domain.alerting.AlertRule;
import io.quarterdeck.domain.alerting.Severity;
import io.quarterdeck.domain.identity.Role;
import io.quarterdeck.domain.identity.Scope;
import io.quarterdeck.domain.incidents.IncidentStatus;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Seed 001 section 5: alert rules ({@code /api/alerts/rules}) and incidents ({@code /api/alerts/incidents}). Reading
 * needs a viewer (or the {@code read} scope), changing a developer (or {@code write}).
 */
@Path("/api/alerts")
@Produces(MediaType.APPLICATION_JSON)
public class AlertManagementResource {
    private final ManageAlertRulesUseCase rules;
    private final ManageIncidentsUseCase incidents;
    @Context
    SecurityContext security;

    @Inject
    public AlertManagementResource(ManageAlertRulesUseCase rules, ManageIncidentsUseCase incidents) {
        this.rules = rules;
        this.incidents = incidents;
    }

    @GET
    @Path("/rules")
    @Requires(role = Role.VIEWER, scopes = Scope.READ)
    @APIResponse(responseCode = "200", description = "Every rule (error rules, metric thresholds, intake rules)",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT, requiredProperties = {"data", "status"}, properties = {
                @SchemaProperty(name = "data", type = SchemaType.OBJECT),
                @SchemaProperty(name = "status", type = SchemaType.STRING, enumeration = "success")})))
    public Envelope<Map<String, List<Map<String, Object>>>> listRules() {
        return Envelope.success(Map.of("rules", rules.list().stream().map(AlertingDtos::rule).toList()));
    }

    @POST
    @Path("/rules")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(role = Role.DEVELOPER, scopes = Scope.WRITE)
    @Audited("alert_rule.create")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT, requiredProperties = {"name"},
                description = "condition: \"error_count > threshold in time_window\" or e.g. \"error_count > 5 in"
                    + " 1m\" (threshold required), \"new_group in 1h\", \"regression in 15m\", \"service_down database"
                    + " for 3 checks\" (or service and threshold as fields); notifications: channel ids, names or types (webhook, slack, email, telegram)",
                properties = {
                    @SchemaProperty(name = "name", type = SchemaType.STRING),
                    @SchemaProperty(name = "condition", type = SchemaType.STRING),
                    @SchemaProperty(name = "threshold", type = SchemaType.NUMBER),
                    @SchemaProperty(name = "time_window", type = SchemaType.STRING),
                    @SchemaProperty(name = "operator", type = SchemaType.STRING),
                    @SchemaProperty(name = "severity", type = SchemaType.STRING),
                    @SchemaProperty(name = "level", type = SchemaType.STRING),
                    @SchemaProperty(name = "source", type = SchemaType.STRING),
                    @SchemaProperty(name = "environment", type = SchemaType.STRING),
                    @SchemaProperty(name = "fingerprint", type = SchemaType.STRING),
                    @SchemaProperty(name = "service", type = SchemaType.STRING),
                    @SchemaProperty(name = "repeat_interval", type = SchemaType.STRING),
                    @SchemaProperty(name = "notifications", type = SchemaType.ARRAY, implementation = String.class),
                    @SchemaProperty(name = "enabled", type = SchemaType.BOOLEAN)})))
    @APIResponse(responseCode = "201", description = "The rule",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT, requiredProperties = {"data", "status"}, properties = {
                @SchemaProperty(name = "data", type = SchemaType.OBJECT),
                @SchemaProperty(name = "status", type = SchemaType.STRING, enumeration = "success")})))
    public Response createRule(JsonValue body) {
        AlertRule rule = rules.create(RuleBodies.parse(JsonFields.object(body), null));
        return Response.status(201).entity(Envelope.success(AlertingDtos.rule(rule))).build();
    }

    @PUT
    @Path("/rules/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(role = Role.DEVELOPER, scopes = Scope.WRITE)
    @Audited("alert_rule.update")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT, description = "The fields of POST; absent ones stay",
                properties = {
                    @SchemaProperty(name = "name", type = SchemaType.STRING),
                    @SchemaProperty(name = "condition", type = SchemaType.STRING),
                    @SchemaProperty(name = "threshold", type = SchemaType.NUMBER),
                    @SchemaProperty(name = "time_window", type = SchemaType.STRING),
                    @SchemaProperty(name = "operator", type = SchemaType.STRING),
                    @SchemaProperty(name = "severity", type = SchemaType.STRING),
                    @SchemaProperty(name = "level", type = SchemaType.STRING),
                    @SchemaProperty(name = "source", type = SchemaType.STRING),
                    @SchemaProperty(name = "environment", type = SchemaType.STRING),
                    @SchemaProperty(name = "fingerprint", type = SchemaType.STRING),
                    @SchemaProperty(name = "service", type = SchemaType.STRING),
                    @SchemaProperty(name = "repeat_interval", type = SchemaType.STRING),
                    @SchemaProperty(name = "notifications", type = SchemaType.ARRAY, implementation = String.class),
                    @SchemaProperty(name = "enabled", type = SchemaType.BOOLEAN)})))
    @APIResponse(responseCode = "200", description = "The rule",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT, requiredProperties = {"data", "status"}, properties = {
                @SchemaProperty(name = "data", type = SchemaType.OBJECT),
                @SchemaProperty(name = "status", type = SchemaType.STRING, enumeration = "success")})))
    public Envelope<Map<String, Object>> updateRule(@PathParam("id") String id, JsonValue body) {
        JsonObject o = JsonFields.object(body);
        AlertRule old = rules.get(id);
        return Envelope.success(AlertingDtos.rule(rules.update(id, RuleBodies.parse(o, old))));
    }

    @DELETE
    @Path("/rules/{id}")
    @Requires(role = Role.DEVELOPER, scopes = Scope.WRITE)
    @Audited("alert_rule.delete")
    @APIResponse(responseCode = "200", description = "Deleted; what it fired is resolved",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT, requiredProperties = {"data", "status"}, properties = {
                @SchemaProperty(name = "data", type = SchemaType.OBJECT),
                @SchemaProperty(name = "status", type = SchemaType.STRING, enumeration = "success")})))
    public Envelope<Map<String, String>> deleteRule(@PathParam("id") String id) {
        rules.delete(id);
        return Envelope.success(Map.of("id", id, "status", "deleted"));
    }

    @GET
    @Path("/incidents")
    @Requires(role = Role.VIEWER, scopes = Scope.READ)
    @APIResponse(responseCode = "200", description = "Incidents, newest first, each with its timeline",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT, requiredProperties = {"data", "status"}, properties = {
                @SchemaProperty(name = "data", type = SchemaType.OBJECT),
                @SchemaProperty(name = "status", type = SchemaType.STRING, enumeration = "success")})))
    public Envelope<Map<String, List<Map<String, Object>>>> listIncidents(@QueryParam("limit") String limit) {
        int n = QueryParameters.integer("limit", limit, 100, 1, 500);
        return Envelope.success(Map.of("incidents", incidents.list(n).stream().map(AlertingDtos::incident)
                .toList()));
    }

    @POST
    @Path("/incidents")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(role = Role.DEVELOPER, scopes = Scope.WRITE)
    @Audited("incident.create")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT, requiredProperties = {"title"},
                description = "alert_ids: alerts to attach; severity defaults to the highest of theirs, else warning",
                properties = {
                    @SchemaProperty(name = "title", type = SchemaType.STRING),
                    @SchemaProperty(name = "description", type = SchemaType.STRING),
                    @SchemaProperty(name = "severity", type = SchemaType.STRING),
                    @SchemaProperty(name = "assigned_to", type = SchemaType.STRING),
                    @SchemaProperty(name = "alert_ids", type = SchemaType.ARRAY, implementation = String.class)})))
    @APIResponse(responseCode = "201", description = "The incident, status investigating",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT, requiredProperties = {"data", "status"}, properties = {
                @SchemaProperty(name = "data", type = SchemaType.OBJECT),
                @SchemaProperty(name = "status", type = SchemaType.STRING, enumeration = "success")})))
    public Response openIncident(JsonValue body) {
        JsonObject o = JsonFields.object(body);
        String severity = JsonFields.string(o, "severity");
        var incident = incidents.open(new ManageIncidentsUseCase.OpenIncident(JsonFields.required(o, "title"),
                JsonFields.string(o, "description"), severity == null ? null : Severity.parse("severity", severity),
                JsonFields.string(o, "assigned_to"), JsonFields.strings(o, "alert_ids"), author()));
        return Response.status(201).entity(Envelope.success(AlertingDtos.incident(incident))).build();
    }

    @PUT
    @Path("/incidents/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(role = Role.DEVELOPER, scopes = Scope.WRITE)
    @Audited("incident.update")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT,
                description = "status moves forward only: investigating, identified, monitoring, resolved",
                properties = {
                    @SchemaProperty(name = "status", type = SchemaType.STRING),
                    @SchemaProperty(name = "title", type = SchemaType.STRING),
                    @SchemaProperty(name = "description", type = SchemaType.STRING),
                    @SchemaProperty(name = "severity", type = SchemaType.STRING),
                    @SchemaProperty(name = "assigned_to", type = SchemaType.STRING),
                    @SchemaProperty(name = "message", type = SchemaType.STRING)})))
    @APIResponse(responseCode = "200", description = "The incident with its timeline",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT, requiredProperties = {"data", "status"}, properties = {
                @SchemaProperty(name = "data", type = SchemaType.OBJECT),
                @SchemaProperty(name = "status", type = SchemaType.STRING, enumeration = "success")})))
    public Envelope<Map<String, Object>> updateIncident(@PathParam("id") String id, JsonValue body) {
        JsonObject o = JsonFields.object(body);
        String status = JsonFields.string(o, "status");
        String severity = JsonFields.string(o, "severity");
        var incident = incidents.update(id, new ManageIncidentsUseCase.UpdateIncident(
                status == null ? null : IncidentStatus.parse("status", status), JsonFields.string(o, "title"),
                JsonFields.string(o, "description"), severity == null ? null : Severity.parse("severity", severity),
                JsonFields.string(o, "assigned_to"), JsonFields.string(o, "message"), author()));
        return Envelope.success(AlertingDtos.incident(incident));
    }

    private String author() {
        return AuthenticationFilter.callerOf(security).name();
    }
}
