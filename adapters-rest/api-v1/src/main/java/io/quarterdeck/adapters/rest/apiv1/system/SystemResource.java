package io.quarterdeck.adapters.rest.apiv1.system;

import io.quarterdeck.adapters.rest.apiv1.metrics.HostSampleDto;
import io.quarterdeck.adapters.rest.spine.security.AuthenticationFilter;
import io.quarterdeck.adapters.rest.spine.security.PublicEndpoint;
import io.quarterdeck.adapters.rest.spine.security.Requires;
import io.quarterdeck.adapters.rest.spine.security.SocketAuthentication;
import io.quarterdeck.application.port.in.health.HealthCheck;
import io.quarterdeck.application.port.in.metrics.HostMetricsUseCase;
import io.quarterdeck.application.port.in.metrics.SystemOverviewUseCase;
import io.quarterdeck.application.port.in.metrics.SystemOverviewUseCase.SystemOverview;
import io.quarterdeck.domain.identity.Role;
import io.quarterdeck.domain.identity.Scope;
import io.quarterdeck.domain.metrics.HostSample;
import io.quarterdeck.adapters.rest.spine.RequestAttributes;
import io.quarterdeck.adapters.rest.spine.security.Audited;
import io.quarterdeck.application.port.in.system.ConfigurationUseCase;
import io.quarterdeck.application.port.in.system.ConfigurationUseCase.ConfigChange;
import io.quarterdeck.application.port.in.system.ConfigurationUseCase.ConfigEntry;
import io.quarterdeck.domain.shared.InvalidFieldException;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * {@code /api/v1/system}: seed 000's {@code info} (version, environment, uptime, every service probed now, host
 * resources), seed 003's {@code health} (anyone gets {@code {"status"}}; a caller with valid credentials gets the
 * checks with their latency and the disk use), {@code metrics} (the host now) and {@code config} (admin: the effective
 * settings with secrets redacted; a change of the runtime-changeable ones, audited with old and new values).
 */
@Path("/api/v1/system")
@Produces(MediaType.APPLICATION_JSON)
public class SystemResource {
    private static final double GIB = 1024.0 * 1024 * 1024;

    private final SystemOverviewUseCase system;
    private final HostMetricsUseCase metrics;
    private final SocketAuthentication credentials;
    private final ConfigurationUseCase configuration;
    @Context
    HttpServletRequest request;
    @Context
    SecurityContext security;

    @Inject
    public SystemResource(SystemOverviewUseCase system, HostMetricsUseCase metrics,
                          SocketAuthentication credentials, ConfigurationUseCase configuration) {
        this.system = system;
        this.metrics = metrics;
        this.credentials = credentials;
        this.configuration = configuration;
    }

    @GET
    @Path("/config")
    @Requires(role = Role.ADMIN)
    @Operation(summary = "The effective configuration: every setting, its value (secrets redacted), where it came from "
            + "and whether it may be changed at runtime")
    @APIResponse(responseCode = "200", description = "The settings",
        content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT, properties =
                @SchemaProperty(name = "settings", type = SchemaType.ARRAY, implementation = Map.class))))
    public Map<String, Object> config() {
        List<Map<String, Object>> settings = new ArrayList<>();
        for (ConfigEntry e : configuration.effective()) {
            settings.add(entry(e));
        }
        return Map.of("settings", settings);
    }

    @POST
    @Path("/config")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(role = Role.ADMIN)
    @Audited("system.config")
    @Operation(summary = "Change runtime-changeable settings (log levels, the sampler interval, log retention); "
            + "kept across restarts, applied at once, audited")
    @RequestBody(required = true, description = "setting key to new value, e.g. {\"quarterdeck.log.level\":\"FINE\"}",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT,
            description = "setting keys to new values (a string; numbers and booleans are taken as their text)",
            additionalProperties = String.class)))
    @APIResponse(responseCode = "200", description = "What changed (old and new values) and the settings now",
        content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT, properties = {
                @SchemaProperty(name = "changed", type = SchemaType.ARRAY, implementation = Map.class),
                @SchemaProperty(name = "settings", type = SchemaType.ARRAY, implementation = Map.class)})))
    public Map<String, Object> changeConfig(JsonValue body) {
        if (!(body instanceof JsonObject o)) {
            throw new InvalidFieldException("body", "must be a JSON object of setting keys to values");
        }
        Map<String, String> changes = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> e : o.entrySet()) {
            JsonValue v = e.getValue();
            String text = switch (v.getValueType()) {
                case STRING -> ((JsonString) v).getString();
                case NUMBER -> ((JsonNumber) v).toString();
                case TRUE -> "true";
                case FALSE -> "false";
                default -> throw new InvalidFieldException(e.getKey(), "must be a string, number or boolean");
            };
            changes.put(e.getKey(), text);
        }
        List<ConfigChange> changed = configuration.change(AuthenticationFilter.callerOf(security), changes);
        request.setAttribute(RequestAttributes.SUMMARY, changed.stream()
                .map(c -> c.key() + ": " + c.oldValue() + " -> " + c.newValue()).collect(Collectors.joining("; ")));
        List<Map<String, Object>> out = new ArrayList<>();
        for (ConfigChange c : changed) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("key", c.key());
            m.put("old_value", c.oldValue());
            m.put("new_value", c.newValue());
            out.add(m);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("changed", out);
        result.put("settings", config().get("settings"));
        return result;
    }

    private static Map<String, Object> entry(ConfigEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", e.key());
        m.put("value", e.value());
        m.put("source", e.source());
        m.put("secret", e.secret());
        m.put("changeable", e.changeable());
        return m;
    }

    @GET
    @Path("/info")
    @Requires(role = Role.VIEWER, scopes = Scope.READ)
    @Operation(summary = "Version, environment, uptime, services health (real probes) and host resources")
    @APIResponse(responseCode = "200", description = "System information",
        content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT, properties = {
                @SchemaProperty(name = "version", type = SchemaType.STRING),
                @SchemaProperty(name = "environment", type = SchemaType.STRING),
                @SchemaProperty(name = "uptime_seconds", type = SchemaType.INTEGER),
                @SchemaProperty(name = "services", type = SchemaType.OBJECT,
                    description = "service name: healthy, unhealthy or not_configured"),
                @SchemaProperty(name = "resources", type = SchemaType.OBJECT)})))
    public Map<String, Object> info() {
        SystemOverview o = system.overview();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("version", o.version());
        out.put("environment", o.environment());
        out.put("uptime_seconds", o.uptimeSeconds());
        Map<String, String> services = new LinkedHashMap<>();
        services.put("api", "healthy");
        for (HealthCheck c : o.services()) {
            services.put(c.name(), c.up() ? "healthy"
                    : Boolean.FALSE.equals(c.data().get("configured")) ? "not_configured" : "unhealthy");
        }
        out.put("services", services);
        Map<String, Object> resources = new LinkedHashMap<>();
        HostSample h = o.host();
        if (h != null) {
            resources.put("total_cpu_cores", h.cpuCores());
            resources.put("total_memory_gb", gib(h.memoryTotalBytes()));
            resources.put("total_disk_gb", gib(h.diskTotalBytes()));
            resources.put("used_cpu_percent", h.cpuPercent());
            resources.put("used_memory_gb", gib(h.memoryUsedBytes()));
            resources.put("used_disk_gb", gib(h.diskUsedBytes()));
        }
        out.put("resources", resources);
        return out;
    }

    @GET
    @Path("/health")
    @PublicEndpoint
    @Operation(summary = "Health: {status} for anyone; with valid credentials also version, uptime, each check with "
            + "its latency, and disk use")
    @APIResponse(responseCode = "200", description = "Healthy or degraded",
        content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT, requiredProperties = "status", properties = {
                @SchemaProperty(name = "status", type = SchemaType.STRING,
                    enumeration = {"healthy", "degraded", "unhealthy"}),
                @SchemaProperty(name = "version", type = SchemaType.STRING),
                @SchemaProperty(name = "uptime_seconds", type = SchemaType.INTEGER),
                @SchemaProperty(name = "checks", type = SchemaType.OBJECT)})))
    @APIResponse(responseCode = "503", description = "Unhealthy: the database does not answer",
        content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT, requiredProperties = "status", properties =
                @SchemaProperty(name = "status", type = SchemaType.STRING))))
    public Response health(@HeaderParam("Authorization") String authorization,
                           @HeaderParam(AuthenticationFilter.API_KEY_HEADER) String apiKey) {
        SystemOverview o = system.health();
        String status = o.status();
        int code = "unhealthy".equals(status) ? 503 : 200;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", status);
        if (authenticated(authorization, apiKey)) {
            out.put("version", o.version());
            out.put("uptime_seconds", o.uptimeSeconds());
            Map<String, Object> checks = new LinkedHashMap<>();
            for (HealthCheck c : o.services()) {
                Map<String, Object> check = new LinkedHashMap<>();
                check.put("status", c.up() ? "up"
                        : Boolean.FALSE.equals(c.data().get("configured")) ? "not_configured" : "down");
                Object latency = c.data().get("latency_ms");
                if (latency != null) {
                    check.put("latency_ms", latency);
                }
                checks.put(c.name(), check);
            }
            if (o.host() != null) {
                checks.put("disk_usage_pct", o.host().diskPercent());
            }
            out.put("checks", checks);
        }
        return Response.status(code).entity(out).build();
    }

    private boolean authenticated(String authorization, String apiKey) {
        String credential = null;
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            credential = authorization.substring(7).trim();
        } else if (apiKey != null) {
            credential = apiKey.trim();
        }
        return credential != null && !credential.isEmpty() && credentials.authenticate(credential).isPresent();
    }

    @GET
    @Path("/metrics")
    @Requires(role = Role.VIEWER, scopes = Scope.READ)
    @Operation(summary = "The host's CPU, memory, disk, network and load now (seed 003)")
    @APIResponse(responseCode = "200", description = "The latest sample of this host",
        content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = HostSampleDto.class)))
    public HostSampleDto systemMetrics() {
        return HostSampleDto.from(metrics.latest(HostSample.LOCAL));
    }

    private static double gib(long bytes) {
        return Math.round(bytes / GIB * 100.0) / 100.0;
    }
}
