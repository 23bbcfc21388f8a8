package io.quarterdeck.adapters.rest.clusterai;

import io.quarterdeck.adapters.rest.spine.QueryParameters;
import io.quarterdeck.adapters.rest.spine.Times;
import io.quarterdeck.adapters.rest.spine.security.Requires;
import io.quarterdeck.application.port.in.metrics.HostMetricsUseCase;
import io.quarterdeck.domain.identity.Role;
import io.quarterdeck.domain.identity.Scope;
import io.quarterdeck.domain.metrics.HostSample;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Seed 002's {@code GET /metrics/system} at {@code /cluster-ai/metrics/system}: the host's newest samples. */
@Path("/cluster-ai/metrics/system")
@Produces(MediaType.APPLICATION_JSON)
public class ClusterAiMetricsResource {
    static final int MAX_LIMIT = 5000;

    private final HostMetricsUseCase metrics;

    @Inject
    public ClusterAiMetricsResource(HostMetricsUseCase metrics) {
        this.metrics = metrics;
    }

    /** One sample as seed 002 shows it; network figures are bytes per second. */
    public record SystemPointDto(String timestamp, double cpuPercent, double memoryPercent, double diskPercent,
                                 double networkRx, double networkTx) {
        static SystemPointDto from(HostSample s) {
            return new SystemPointDto(Times.format(s.at()), s.cpuPercent(), s.memoryPercent(), s.diskPercent(),
                    s.networkRxBytesPerSecond(), s.networkTxBytesPerSecond());
        }
    }

    @GET
    @Requires(role = Role.VIEWER, scopes = Scope.READ)
    @Operation(summary = "The host's newest samples, newest first: limit (default 100, at most 5000)")
    @APIResponse(responseCode = "200", description = "Samples",
        content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = SystemPointDto.class)))
    public List<SystemPointDto> system(@QueryParam("limit") String limit) {
        return metrics.recent(HostSample.LOCAL, QueryParameters.integer("limit", limit, 100, 1, MAX_LIMIT)).stream()
                .map(SystemPointDto::from).toList();
    }
}
