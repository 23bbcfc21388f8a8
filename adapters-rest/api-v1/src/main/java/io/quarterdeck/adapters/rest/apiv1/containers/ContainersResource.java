package io.quarterdeck.adapters.rest.apiv1.containers;

import io.quarterdeck.adapters.rest.spine.JsonFields;
import io.quarterdeck.adapters.rest.spine.RequestAttributes;
import io.quarterdeck.adapters.rest.spine.security.Audited;
import io.quarterdeck.adapters.rest.spine.security.AuthenticationFilter;
import io.quarterdeck.adapters.rest.spine.security.Requires;
import io.quarterdeck.application.port.in.containers.ContainersUseCase;
import io.quarterdeck.domain.containers.ContainerAction;
import io.quarterdeck.domain.identity.Role;
import io.quarterdeck.domain.identity.Scope;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
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
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Seed 000's container management on the local engine ({@code quarterdeck.docker.url}): the list with live
 * resource usage, actions, logs. Viewers and developers read; operators act.
 */
@Path("/api/v1/containers")
@Produces(MediaType.APPLICATION_JSON)
public class ContainersResource {
    private final ContainersUseCase containers;
    @Context
    HttpServletRequest request;
    @Context
    SecurityContext security;

    @Inject
    public ContainersResource(ContainersUseCase containers) {
        this.containers = containers;
    }

    /** Every container, stopped ones too; running ones with their usage now (as {@code docker stats}), no caching. */
    @GET
    @Requires(role = Role.VIEWER, scopes = Scope.READ)
    @APIResponse(responseCode = "503", description = "The engine is unavailable (Retry-After says when to retry)")
    public Map<String, List<ContainerDto>> list() {
        return Map.of("containers", containers.list(AuthenticationFilter.callerOf(security), ContainersUseCase.LOCAL)
                .stream().map(ContainerDto::from).toList());
    }

    /** {@code {"action": "start|stop|restart"}}; an action with nothing to do succeeds, as the engine answers it. */
    @POST
    @Path("/{container_id}/action")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(role = Role.OPERATOR, scopes = Scope.OPERATE)
    @Audited("container.action")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT, requiredProperties = {"action"}, properties = {
                @SchemaProperty(name = "action", type = SchemaType.STRING, enumeration = {"start", "stop", "restart"})})))
    @APIResponse(responseCode = "503", description = "The engine is unavailable (Retry-After says when to retry)")
    public ActionResultDto act(@PathParam("container_id") String id, JsonValue body) {
        ContainerAction action = ContainerAction.parse("action", JsonFields.string(JsonFields.object(body), "action"));
        request.setAttribute(RequestAttributes.SUMMARY, action.wireName() + " container " + id + " on local");
        return new ActionResultDto(true,
                containers.act(AuthenticationFilter.callerOf(security), ContainersUseCase.LOCAL, id, action));
    }

    /**
     * The last {@code lines} lines (1-10000, default 100) of stdout and stderr with timestamps; with
     * {@code follow=true} a {@code text/event-stream} of the lines as they come, until the container stops or the
     * client leaves.
     */
    @GET
    @Path("/{container_id}/logs")
    @Produces({MediaType.APPLICATION_JSON, MediaType.SERVER_SENT_EVENTS})
    @Requires(role = Role.VIEWER, scopes = Scope.READ)
    @APIResponse(responseCode = "200", description = "The lines, or with follow=true an event stream of them",
        content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LogsDto.class)),
            @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(type = SchemaType.STRING,
                description = "data: <timestamp> <line> per event; event: end when the container stops"))})
    @APIResponse(responseCode = "503", description = "The engine is unavailable (Retry-After says when to retry)")
    public Response logs(@PathParam("container_id") String id,
                         @Parameter(description = "1 to 10000, default 100") @QueryParam("lines") String lines,
                         @Parameter(description = "true streams the lines as they come") @QueryParam("follow")
                         String follow) {
        int n = ContainerRequests.lines(lines);
        var caller = AuthenticationFilter.callerOf(security);
        if (ContainerRequests.follow(follow)) {
            return ContainerRequests.stream(containers, caller, ContainersUseCase.LOCAL, id, n);
        }
        return Response.ok(new LogsDto(containers.logs(caller, ContainersUseCase.LOCAL, id, n)),
                MediaType.APPLICATION_JSON_TYPE).build();
    }
}
