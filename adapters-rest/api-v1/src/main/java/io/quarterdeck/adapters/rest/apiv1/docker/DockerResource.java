package io.quarterdeck.adapters.rest.apiv1.docker;

import io.quarterdeck.adapters.rest.apiv1.containers.ActionResultDto;
import io.quarterdeck.adapters.rest.apiv1.containers.ContainerDto;
import io.quarterdeck.adapters.rest.apiv1.containers.ContainerRequests;
import io.quarterdeck.adapters.rest.apiv1.containers.LogsDto;
import io.quarterdeck.adapters.rest.spine.RequestAttributes;
import io.quarterdeck.adapters.rest.spine.security.Audited;
import io.quarterdeck.adapters.rest.spine.security.AuthenticationFilter;
import io.quarterdeck.adapters.rest.spine.security.Requires;
import io.quarterdeck.application.port.in.containers.ContainersUseCase;
import io.quarterdeck.domain.containers.ContainerAction;
import io.quarterdeck.domain.identity.Role;
import io.quarterdeck.domain.identity.Scope;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Seed 004's Docker operations on a registered server's engine; the server {@code local} is the local engine. The
 * same answers as {@code /api/v1/containers}; an unknown server is a 404 naming {@code server_id}.
 */
@Path("/api/v1/docker/{server_id}/containers")
@Produces(MediaType.APPLICATION_JSON)
public class DockerResource {
    private final ContainersUseCase containers;
    @Context
    HttpServletRequest request;
    @Context
    SecurityContext security;

    @Inject
    public DockerResource(ContainersUseCase containers) {
        this.containers = containers;
    }

    @GET
    @Requires(role = Role.VIEWER, scopes = Scope.READ)
    @APIResponse(responseCode = "503", description = "The engine is unavailable (Retry-After says when to retry)")
    public Map<String, List<ContainerDto>> list(@PathParam("server_id") String serverId) {
        return Map.of("containers", containers.list(AuthenticationFilter.callerOf(security), serverId).stream()
                .map(ContainerDto::from).toList());
    }

    @POST
    @Path("/{container_id}/start")
    @Requires(role = Role.OPERATOR, scopes = Scope.OPERATE)
    @Audited("container.start")
    @APIResponse(responseCode = "503", description = "The engine is unavailable (Retry-After says when to retry)")
    public ActionResultDto start(@PathParam("server_id") String serverId, @PathParam("container_id") String id) {
        return act(serverId, id, ContainerAction.START);
    }

    @POST
    @Path("/{container_id}/stop")
    @Requires(role = Role.OPERATOR, scopes = Scope.OPERATE)
    @Audited("container.stop")
    @APIResponse(responseCode = "503", description = "The engine is unavailable (Retry-After says when to retry)")
    public ActionResultDto stop(@PathParam("server_id") String serverId, @PathParam("container_id") String id) {
        return act(serverId, id, ContainerAction.STOP);
    }

    @POST
    @Path("/{container_id}/restart")
    @Requires(role = Role.OPERATOR, scopes = Scope.OPERATE)
    @Audited("container.restart")
    @APIResponse(responseCode = "503", description = "The engine is unavailable (Retry-After says when to retry)")
    public ActionResultDto restart(@PathParam("server_id") String serverId, @PathParam("container_id") String id) {
        return act(serverId, id, ContainerAction.RESTART);
    }

    private ActionResultDto act(String serverId, String id, ContainerAction action) {
        request.setAttribute(RequestAttributes.SUMMARY, action.wireName() + " container " + id + " on " + serverId);
        return new ActionResultDto(true, containers.act(AuthenticationFilter.callerOf(security), serverId, id, action));
    }

    @GET
    @Path("/{container_id}/logs")
    @Produces({MediaType.APPLICATION_JSON, MediaType.SERVER_SENT_EVENTS})
    @Requires(role = Role.VIEWER, scopes = Scope.READ)
    @APIResponse(responseCode = "200", description = "The lines, or with follow=true an event stream of them",
        content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LogsDto.class)),
            @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(type = SchemaType.STRING,
                description = "data: <timestamp> <line> per event; event: end when the container stops"))})
    @APIResponse(responseCode = "503", description = "The engine is unavailable (Retry-After says when to retry)")
    public Response logs(@PathParam("server_id") String serverId, @PathParam("container_id") String id,
                         @Parameter(description = "1 to 10000, default 100") @QueryParam("lines") String lines,
                         @Parameter(description = "true streams the lines as they come") @QueryParam("follow")
                         String follow) {
        int n = ContainerRequests.lines(lines);
        var caller = AuthenticationFilter.callerOf(security);
        if (ContainerRequests.follow(follow)) {
            return ContainerRequests.stream(containers, caller, serverId, id, n);
        }
        return Response.ok(new LogsDto(containers.logs(caller, serverId, id, n)), MediaType.APPLICATION_JSON_TYPE)
                .build();
    }
}
