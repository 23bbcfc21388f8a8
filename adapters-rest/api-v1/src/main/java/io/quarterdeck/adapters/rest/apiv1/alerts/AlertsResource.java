package io.quarterdeck.adapters.rest.apiv1.alerts;

import io.quarterdeck.adapters.rest.spine.JsonFields;
import io.quarterdeck.adapters.rest.spine.QueryParameters;
import io.quarterdeck.adapters.rest.spine.security.Audited;
import io.quarterdeck.adapters.rest.spine.security.Requires;
import io.quarterdeck.application.port.in.alerting.AlertsUseCase;
import io.quarterdeck.application.port.in.alerting.ManageAlertRulesUseCase;
import io.quarterdeck.application.port.in.alerting.ReceiveExternalAlertsUseCase;
import io.quarterdeck.application.port.in.alerting.RuleCommand;
import io.quarterdeck.domain.alerting.AlertRule;
import io.quarterdeck.domain.alerting.Condition;
import io.quarterdeck.domain.alerting.Operator;
import io.quarterdeck.domain.alerting.Severity;
import io.quarterdeck.domain.alerting.Windows;
import io.quarterdeck.domain.identity.Role;
import io.quarterdeck.domain.identity.Scope;
import io.quarterdeck.domain.shared.InvalidFieldException;
import io.quarterdeck.domain.shared.NotFoundException;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Seed 004's alerts: {@code GET /api/v1/alerts} (active by default; {@code status=resolved|all}), metric thresholds
 * at {@code /api/v1/alerts/thresholds}, and the Prometheus Alertmanager intake {@code POST /api/v1/alerts/alertmanager}.
 */
@Path("/api/v1/alerts")
@Produces(MediaType.APPLICATION_JSON)
public class AlertsResource {
    private final AlertsUseCase alerts;
    private final ManageAlertRulesUseCase rules;
    private final ReceiveExternalAlertsUseCase intake;

    @Inject
    public AlertsResource(AlertsUseCase alerts, ManageAlertRulesUseCase rules, ReceiveExternalAlertsUseCase intake) {
        this.alerts = alerts;
        this.rules = rules;
        this.intake = intake;
    }

    @GET
    @Requires(role = Role.VIEWER, scopes = Scope.READ)
    @APIResponse(responseCode = "200", description = "Alerts, newest first",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT,
            properties = @SchemaProperty(name = "alerts", type = SchemaType.ARRAY, implementation = AlertDto.class))))
    public Map<String, List<AlertDto>> list(@QueryParam("status") String status, @QueryParam("limit") String limit) {
        int n = QueryParameters.integer("limit", limit, 100, 1, 500);
        String s = status == null || status.isBlank() ? "active" : status;
        List<AlertDto> out = switch (s) {
            case "active", "firing" -> alerts.firing(n).stream().map(AlertDto::from).toList();
            case "resolved" -> alerts.recent(n).stream().filter(a -> !a.firing()).map(AlertDto::from).toList();
            case "all" -> alerts.recent(n).stream().map(AlertDto::from).toList();
            default -> throw new InvalidFieldException("status", "must be active, resolved or all");
        };
        return Map.of("alerts", out);
    }

    @GET
    @Path("/thresholds")
    @Requires(role = Role.VIEWER, scopes = Scope.READ)
    @APIResponse(responseCode = "200", description = "Metric thresholds",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT,
            properties = @SchemaProperty(name = "thresholds", type = SchemaType.ARRAY,
                implementation = ThresholdDto.class))))
    public Map<String, List<ThresholdDto>> thresholds() {
        return Map.of("thresholds", rules.list().stream().filter(AlertRule::isThreshold).map(ThresholdDto::from)
                .toList());
    }

    @POST
    @Path("/thresholds")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(role = Role.DEVELOPER, scopes = Scope.WRITE)
    @Audited("alert_threshold.create")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT, requiredProperties = {"metric", "operator", "value"},
                description = "metric: cpu_percent, memory_percent, disk_percent, load_1m, ...; duration: seconds or"
                    + " 5m; server_id: one server, absent for all",
                properties = {
                    @SchemaProperty(name = "name", type = SchemaType.STRING),
                    @SchemaProperty(name = "metric", type = SchemaType.STRING),
                    @SchemaProperty(name = "operator", type = SchemaType.STRING),
                    @SchemaProperty(name = "value", type = SchemaType.NUMBER),
                    @SchemaProperty(name = "duration", type = SchemaType.STRING),
                    @SchemaProperty(name = "severity", type = SchemaType.STRING),
                    @SchemaProperty(name = "server_id", type = SchemaType.STRING),
                    @SchemaProperty(name = "enabled", type = SchemaType.BOOLEAN),
                    @SchemaProperty(name = "notifications", type = SchemaType.ARRAY, implementation = String.class)})))
    @APIResponse(responseCode = "201", description = "The threshold",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ThresholdDto.class)))
    public Response createThreshold(JsonValue body) {
        AlertRule rule = rules.create(threshold(JsonFields.object(body), null));
        return Response.status(201).entity(ThresholdDto.from(rule)).build();
    }

    @PUT
    @Path("/thresholds/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(role = Role.DEVELOPER, scopes = Scope.WRITE)
    @Audited("alert_threshold.update")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT, description = "The fields of POST; absent ones stay",
                properties = {
                    @SchemaProperty(name = "name", type = SchemaType.STRING),
                    @SchemaProperty(name = "metric", type = SchemaType.STRING),
                    @SchemaProperty(name = "operator", type = SchemaType.STRING),
                    @SchemaProperty(name = "value", type = SchemaType.NUMBER),
                    @SchemaProperty(name = "duration", type = SchemaType.STRING),
                    @SchemaProperty(name = "severity", type = SchemaType.STRING),
                    @SchemaProperty(name = "server_id", type = SchemaType.STRING),
                    @SchemaProperty(name = "enabled", type = SchemaType.BOOLEAN),
                    @SchemaProperty(name = "notifications", type = SchemaType.ARRAY, implementation = String.class)})))
    @APIResponse(responseCode = "200", description = "The threshold",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ThresholdDto.class)))
    public ThresholdDto updateThreshold(@PathParam("id") String id, JsonValue body) {
        JsonObject o = JsonFields.object(body);
        AlertRule old = existingThreshold(id);
        return ThresholdDto.from(rules.update(id, threshold(o, old)));
    }

    @DELETE
    @Path("/thresholds/{id}")
    @Requires(role = Role.DEVELOPER, scopes = Scope.WRITE)
    @Audited("alert_threshold.delete")
    @APIResponse(responseCode = "204", description = "Deleted; what it fired is resolved")
    public Response deleteThreshold(@PathParam("id") String id) {
        existingThreshold(id);
        rules.delete(id);
        return Response.noContent().build();
    }

    @POST
    @Path("/alertmanager")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(role = Role.OPERATOR, scopes = Scope.INGEST)
    @Audited("alertmanager.receive")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT, requiredProperties = {"alerts"},
                description = "Prometheus Alertmanager's webhook document (version 4)",
                properties = {
                    @SchemaProperty(name = "version", type = SchemaType.STRING),
                    @SchemaProperty(name = "receiver", type = SchemaType.STRING),
                    @SchemaProperty(name = "status", type = SchemaType.STRING),
                    @SchemaProperty(name = "alerts", type = SchemaType.ARRAY, implementation = Object.class)})))
    @APIResponse(responseCode = "200", description = "Received; how many alerts were raised or resolved",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT,
            properties = {
                @SchemaProperty(name = "received", type = SchemaType.INTEGER),
                @SchemaProperty(name = "changed", type = SchemaType.INTEGER)})))
    public Map<String, Object> alertmanager(JsonValue body) {
        AlertmanagerPayload.Parsed p = AlertmanagerPayload.parse(body);
        int changed = intake.receive(p.receiver(), p.alerts());
        return Map.of("received", p.alerts().size(), "changed", changed);
    }

    private AlertRule existingThreshold(String id) {
        AlertRule old = rules.get(id);
        if (!old.isThreshold()) {
            throw new NotFoundException("threshold", id);
        }
        return old;
    }

    private static RuleCommand threshold(JsonObject o, AlertRule old) {
        Condition.Metric before = old == null ? null : (Condition.Metric) old.condition();
        String metric = JsonFields.string(o, "metric");
        String op = JsonFields.string(o, "operator");
        Double value = JsonFields.number(o, "value");
        String duration = JsonFields.text(o, "duration");
        if (old == null) {
            if (metric == null) {
                throw new InvalidFieldException("metric", "is required");
            }
            if (value == null) {
                throw new InvalidFieldException("value", "is required");
            }
        }
        Duration d = duration == null ? (before == null ? Duration.ZERO : before.duration())
                : duration.matches("\\d{1,7}") ? Duration.ofSeconds(Long.parseLong(duration))
                : Windows.parse("duration", duration);
        Condition.Metric c = new Condition.Metric(metric != null ? metric : before.metric(),
                op != null ? Operator.parse("operator", op) : before != null ? before.operator() : Operator.GT,
                value != null ? value : before.threshold(), d,
                o.containsKey("server_id") ? JsonFields.string(o, "server_id") : before == null ? null
                        : before.serverId());
        String name = JsonFields.string(o, "name");
        String severity = JsonFields.string(o, "severity");
        Boolean enabled = JsonFields.bool(o, "enabled");
        List<String> notifications = JsonFields.strings(o, "notifications");
        return new RuleCommand(name != null ? name : old != null ? old.name() : c.describe(), c,
                severity != null ? Severity.parse("severity", severity) : old != null ? old.severity()
                        : Severity.WARNING,
                enabled != null ? enabled : old == null || old.enabled(),
                notifications != null ? notifications : old != null ? old.notifications() : List.of(),
                old != null ? old.repeatInterval() : null);
    }
}
