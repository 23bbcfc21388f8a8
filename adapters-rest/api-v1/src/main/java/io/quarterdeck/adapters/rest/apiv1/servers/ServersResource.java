package io.quarterdeck.adapters.rest.apiv1.servers;

import io.quarterdeck.adapters.rest.spine.JsonFields;
import io.quarterdeck.adapters.rest.spine.RequestAttributes;
import io.quarterdeck.adapters.rest.spine.security.Audited;
import io.quarterdeck.adapters.rest.spine.security.AuthenticationFilter;
import io.quarterdeck.adapters.rest.spine.security.Requires;
import io.quarterdeck.application.port.in.containers.ManageServersUseCase;
import io.quarterdeck.domain.containers.EngineEndpoint;
import io.quarterdeck.domain.containers.Server;
import io.quarterdeck.domain.containers.ServerDraft;
import io.quarterdeck.domain.identity.Role;
import io.quarterdeck.domain.identity.Scope;
import io.quarterdeck.domain.shared.InvalidFieldException;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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
 * Seed 004's servers: everyone reads them, admins register, change and remove them. A server's engine is
 * {@code docker_url}: {@code unix:///var/run/docker.sock}, {@code tcp://host:2375}, or {@code tcp://host:2376} with
 * {@code tls_ca_path}, {@code tls_cert_path} and {@code tls_key_path} (PEM files on the Quarterdeck host).
 */
@Path("/api/v1/servers")
@Produces(MediaType.APPLICATION_JSON)
public class ServersResource {
    private final ManageServersUseCase servers;
    @Context
    HttpServletRequest request;
    @Context
    SecurityContext security;

    @Inject
    public ServersResource(ManageServersUseCase servers) {
        this.servers = servers;
    }

    @GET
    @Requires(role = Role.VIEWER, scopes = Scope.READ)
    public Map<String, List<ServerDto>> list() {
        return Map.of("servers", servers.list(AuthenticationFilter.callerOf(security)).stream().map(ServerDto::from)
                .toList());
    }

    @GET
    @Path("/{id}")
    @Requires(role = Role.VIEWER, scopes = Scope.READ)
    public ServerDto get(@PathParam("id") String id) {
        return ServerDto.from(servers.get(AuthenticationFilter.callerOf(security), id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(role = Role.ADMIN)
    @Audited("server.create")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT, description = "docker_url: unix:///path, tcp://host:port; TLS: all three paths",
                properties = {
                    @SchemaProperty(name = "name", type = SchemaType.STRING, maxLength = 100,
                        description = "letters, digits, '.', '-', '_'; not dashboards, query, alerts or local"),
                    @SchemaProperty(name = "host", type = SchemaType.STRING, description = "default: the docker_url's host"),
                    @SchemaProperty(name = "docker_url", type = SchemaType.STRING),
                    @SchemaProperty(name = "description", type = SchemaType.STRING, maxLength = 1000),
                    @SchemaProperty(name = "tags", type = SchemaType.ARRAY, implementation = String.class, maxItems = 20),
                    @SchemaProperty(name = "tls_ca_path", type = SchemaType.STRING),
                    @SchemaProperty(name = "tls_cert_path", type = SchemaType.STRING),
                    @SchemaProperty(name = "tls_key_path", type = SchemaType.STRING)})))
    @APIResponse(responseCode = "201", description = "The registered server",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ServerDto.class)))
    public Response create(JsonValue body) {
        JsonObject o = JsonFields.object(body);
        ServerDraft draft = draft(o, null);
        Server created = servers.register(AuthenticationFilter.callerOf(security), draft);
        request.setAttribute(RequestAttributes.SUMMARY, "registered server " + created.name() + " (" + created.id()
                + ") at " + created.endpoint().url());
        return Response.status(201).entity(ServerDto.from(created)).build();
    }

    /** Changes the fields given; the others keep their values. */
    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(role = Role.ADMIN)
    @Audited("server.update")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT, description = "docker_url: unix:///path, tcp://host:port; TLS: all three paths",
                properties = {
                    @SchemaProperty(name = "name", type = SchemaType.STRING, maxLength = 100,
                        description = "letters, digits, '.', '-', '_'; not dashboards, query, alerts or local"),
                    @SchemaProperty(name = "host", type = SchemaType.STRING, description = "default: the docker_url's host"),
                    @SchemaProperty(name = "docker_url", type = SchemaType.STRING),
                    @SchemaProperty(name = "description", type = SchemaType.STRING, maxLength = 1000),
                    @SchemaProperty(name = "tags", type = SchemaType.ARRAY, implementation = String.class, maxItems = 20),
                    @SchemaProperty(name = "tls_ca_path", type = SchemaType.STRING),
                    @SchemaProperty(name = "tls_cert_path", type = SchemaType.STRING),
                    @SchemaProperty(name = "tls_key_path", type = SchemaType.STRING)})))
    public ServerDto update(@PathParam("id") String id, JsonValue body) {
        JsonObject o = JsonFields.object(body);
        var caller = AuthenticationFilter.callerOf(security);
        Server current = servers.get(caller, id);
        Server updated = servers.update(caller, id, draft(o, current));
        request.setAttribute(RequestAttributes.SUMMARY, "updated server " + updated.name() + " (" + id + ")");
        return ServerDto.from(updated);
    }

    @DELETE
    @Path("/{id}")
    @Requires(role = Role.ADMIN)
    @Audited("server.delete")
    @APIResponse(responseCode = "204", description = "The server was removed")
    public Response delete(@PathParam("id") String id) {
        servers.delete(AuthenticationFilter.callerOf(security), id);
        request.setAttribute(RequestAttributes.SUMMARY, "removed server " + id);
        return Response.noContent().build();
    }

    private static final String[] TLS_FIELDS = {"tls_ca_path", "tls_cert_path", "tls_key_path"};

    /** The draft from a body; with {@code current}, absent fields keep their current values. */
    private static ServerDraft draft(JsonObject o, Server current) {
        String name = JsonFields.string(o, "name");
        String host = JsonFields.string(o, "host");
        String url = JsonFields.string(o, "docker_url");
        String description = JsonFields.string(o, "description");
        List<String> tags = JsonFields.strings(o, "tags");
        boolean tlsGiven = false;
        for (String f : TLS_FIELDS) {
            tlsGiven |= JsonFields.string(o, f) != null;
        }
        if (current == null) {
            if (name == null) {
                throw new InvalidFieldException("name", "is required");
            }
            if (url == null) {
                throw new InvalidFieldException("docker_url", "is required");
            }
        }
        EngineEndpoint.Tls tls = tlsGiven ? new EngineEndpoint.Tls(JsonFields.string(o, "tls_ca_path"),
                JsonFields.string(o, "tls_cert_path"), JsonFields.string(o, "tls_key_path"))
                : url != null || current == null ? null : current.endpoint().tls();
        EngineEndpoint endpoint = new EngineEndpoint(url != null ? url : current.endpoint().url(), tls);
        return new ServerDraft(name != null ? name : current.name(),
                host != null ? host : current == null || url != null ? null : current.host(), endpoint,
                description != null ? description : current == null ? "" : current.description(),
                tags != null ? tags : current == null ? List.of() : current.tags());
    }

}
