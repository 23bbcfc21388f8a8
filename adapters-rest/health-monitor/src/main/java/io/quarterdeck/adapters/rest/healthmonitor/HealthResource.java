package io.quarterdeck.adapters.rest.healthmonitor;

import io.quarterdeck.adapters.rest.spine.ratelimit.RateLimited;
import io.quarterdeck.adapters.rest.spine.security.PublicEndpoint;
import io.quarterdeck.adapters.rest.spine.Times;
import io.quarterdeck.application.port.in.health.CheckHealthUseCase;
import io.quarterdeck.application.port.in.health.HealthCheck;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * {@code GET /health} as seed 001 documents it, and liveness/readiness in the MicroProfile Health JSON shape
 * (MicroProfile Health itself is not enabled: its fixed {@code /health} would shadow seed 001's).
 */
@Path("/health")
@ApplicationScoped // one instance: no per-request bean creation, injection or config lookups
@Produces(MediaType.APPLICATION_JSON)
@PublicEndpoint
@RateLimited(RateLimited.Plan.NONE) // probes are called constantly by load balancers and orchestrators
public class HealthResource {
    /** Looked up once: {@code Json.createXxx} searches for the provider on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private final CheckHealthUseCase health;
    private final Clock clock;

    @Inject
    public HealthResource(CheckHealthUseCase health, Clock clock) {
        this.health = health;
        this.clock = clock;
    }

    /** For CDI proxies only. */
    protected HealthResource() {
        this(null, null);
    }

    @GET
    public Map<String, String> health() {
        return Map.of("status", "ok", "timestamp", Times.format(clock.instant()));
    }

    @GET
    @Path("/live")
    @APIResponse(responseCode = "200", description = "Alive",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HealthReport.class)))
    @APIResponse(responseCode = "503", description = "Not alive",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HealthReport.class)))
    public Response live() {
        return shape(health.liveness());
    }

    @GET
    @Path("/ready")
    @APIResponse(responseCode = "200", description = "Ready",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HealthReport.class)))
    @APIResponse(responseCode = "503", description = "Not ready (for example the database is down)",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HealthReport.class)))
    public Response ready() {
        return shape(health.readiness());
    }

    /** The documented shape of {@code /health/live} and {@code /health/ready} (the body itself is built below). */
    @Schema(description = "MicroProfile Health JSON: UP or DOWN, and each check (name, status, data)",
            requiredProperties = {"status", "checks"})
    record HealthReport(@Schema(enumeration = {"UP", "DOWN"}) String status, List<Map<String, Object>> checks) {
    }

    private static Response shape(List<HealthCheck> checks) {
        boolean up = checks.stream().allMatch(HealthCheck::up);
        JsonArrayBuilder array = JSON.createArrayBuilder();
        for (HealthCheck c : checks) {
            JsonObjectBuilder data = JSON.createObjectBuilder();
            c.data().forEach((k, v) -> {
                if (v instanceof Number n) {
                    data.add(k, new BigDecimal(n.toString()));
                } else if (v instanceof Boolean b) {
                    data.add(k, b);
                } else {
                    data.add(k, String.valueOf(v));
                }
            });
            array.add(JSON.createObjectBuilder().add("name", c.name()).add("status", c.up() ? "UP" : "DOWN").add("data", data));
        }
        String body = JSON.createObjectBuilder().add("status", up ? "UP" : "DOWN").add("checks", array).build().toString();
        return Response.status(up ? 200 : 503).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}
