package io.quarterdeck.adapters.rest.apiv1.admin;

import io.quarterdeck.adapters.rest.spine.apikeys.ApiKeyDto;
import io.quarterdeck.adapters.rest.spine.apikeys.ApiKeyRequests;
import io.quarterdeck.adapters.rest.spine.apikeys.Scopes;

import io.quarterdeck.domain.identity.AuditPage;
import io.quarterdeck.adapters.rest.apiv1.auth.UserDto;
import io.quarterdeck.adapters.rest.spine.security.Audited;
import io.quarterdeck.adapters.rest.spine.security.AuthenticationFilter;
import io.quarterdeck.adapters.rest.spine.security.Requires;
import io.quarterdeck.adapters.rest.spine.JsonFields;
import io.quarterdeck.adapters.rest.spine.QueryParameters;
import io.quarterdeck.adapters.rest.spine.RequestAttributes;
import io.quarterdeck.application.port.in.identity.AuditUseCase;
import io.quarterdeck.application.port.in.identity.ManageApiKeysUseCase;
import io.quarterdeck.application.port.in.identity.ManageServiceClientsUseCase;
import io.quarterdeck.application.port.in.identity.ManageTeamUseCase;
import io.quarterdeck.application.port.out.identity.AuditLog;
import io.quarterdeck.domain.identity.AuditQuery;
import io.quarterdeck.domain.identity.Role;
import io.quarterdeck.domain.identity.User;
import io.quarterdeck.domain.shared.InvalidFieldException;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Administration under {@code /api/v1}: API keys, service clients, people, and the audit log. Admins only. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {
    private final ManageApiKeysUseCase apiKeys;
    private final ManageServiceClientsUseCase clients;
    private final ManageTeamUseCase team;
    private final AuditUseCase audit;
    @Context
    HttpServletRequest request;
    @Context
    SecurityContext security;

    @Inject
    public AdminResource(ManageApiKeysUseCase apiKeys, ManageServiceClientsUseCase clients, ManageTeamUseCase team,
                         AuditUseCase audit) {
        this.apiKeys = apiKeys;
        this.clients = clients;
        this.team = team;
        this.audit = audit;
    }

    @GET
    @Path("/api-keys")
    @Requires(role = Role.ADMIN)
    public Map<String, List<ApiKeyDto>> listApiKeys() {
        return Map.of("api_keys", apiKeys.list().stream().map(k -> ApiKeyDto.from(k, null)).toList());
    }

    @POST
    @Path("/api-keys")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(role = Role.ADMIN)
    @Audited("api_key.create")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ApiKeyRequests.Body.class)))
    @APIResponse(responseCode = "201", description = "The key; its secret is shown in this answer only",
        content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ApiKeyDto.class)))
    public Response createApiKey(JsonValue body) {
        var created = ApiKeyRequests.create(apiKeys, body, request);
        return Response.status(201).entity(ApiKeyDto.from(created.key(), created.secret())).build();
    }

    @DELETE
    @Path("/api-keys/{id}")
    @Requires(role = Role.ADMIN)
    @Audited("api_key.revoke")
    @APIResponse(responseCode = "204", description = "The key was revoked")
    public Response revokeApiKey(@PathParam("id") String id) {
        ApiKeyRequests.revoke(apiKeys, id, request);
        return Response.noContent().build();
    }

    @GET
    @Path("/service-clients")
    @Requires(role = Role.ADMIN)
    public Map<String, List<ServiceClientDto>> listClients() {
        return Map.of("service_clients", clients.list().stream().map(c -> ServiceClientDto.from(c, null)).toList());
    }

    @POST
    @Path("/service-clients")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(role = Role.ADMIN)
    @Audited("service_client.create")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT,
                requiredProperties = {"name", "scopes"}, properties = {
                    @SchemaProperty(name = "name", type = SchemaType.STRING),
                    @SchemaProperty(name = "scopes", type = SchemaType.ARRAY, implementation = String.class)})))
    @APIResponse(responseCode = "201", description = "The client; its secret is shown in this answer only",
        content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ServiceClientDto.class)))
    public Response createClient(JsonValue body) {
        JsonObject o = JsonFields.object(body);
        var created = clients.create(JsonFields.string(o, "name"), Scopes.parse("scopes", JsonFields.strings(o, "scopes")));
        request.setAttribute(RequestAttributes.SUMMARY, "created service client " + created.client().clientId());
        return Response.status(201).entity(ServiceClientDto.from(created.client(), created.secret())).build();
    }

    @POST
    @Path("/service-clients/{id}/rotate-secret")
    @Requires(role = Role.ADMIN)
    @Audited("service_client.rotate_secret")
    public ServiceClientDto rotateSecret(@PathParam("id") String id) {
        var rotated = clients.rotateSecret(id);
        request.setAttribute(RequestAttributes.SUMMARY, "rotated the secret of " + id);
        return ServiceClientDto.from(rotated.client(), rotated.secret());
    }

    @DELETE
    @Path("/service-clients/{id}")
    @Requires(role = Role.ADMIN)
    @Audited("service_client.disable")
    @APIResponse(responseCode = "204", description = "The client was disabled")
    public Response disableClient(@PathParam("id") String id) {
        clients.disable(id);
        return Response.noContent().build();
    }

    @GET
    @Path("/users")
    @Requires(role = Role.ADMIN)
    public Map<String, List<UserDto>> listUsers() {
        return Map.of("users", team.members().stream().map(UserDto::from).toList());
    }

    /** Changes a person's {@code role} and/or {@code is_active}; the ladder decides who may. */
    @PATCH
    @Path("/users/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(role = Role.ADMIN)
    @Audited("user.update")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT,
                description = "role and/or is_active",
                properties = {
                    @SchemaProperty(name = "role", type = SchemaType.STRING),
                    @SchemaProperty(name = "is_active", type = SchemaType.BOOLEAN)})))
    public UserDto updateUser(@PathParam("id") String id, JsonValue body) {
        JsonObject o = JsonFields.object(body);
        var caller = AuthenticationFilter.callerOf(security);
        String role = JsonFields.string(o, "role");
        Boolean active = JsonFields.bool(o, "is_active");
        if (role == null && active == null) {
            throw new InvalidFieldException("body", "must set role or is_active");
        }
        User user = null;
        if (role != null) {
            user = team.changeRole(caller, id, Role.parsePersonRole("role", role));
        }
        if (active != null) {
            user = team.setDisabled(caller, id, !active);
        }
        request.setAttribute(RequestAttributes.SUMMARY, "user " + user.username() + ": role " + user.role().wireName()
                + (user.disabled() ? ", disabled" : ", active"));
        return UserDto.from(user);
    }

    /** The audit log, newest first: filters {@code actor}, {@code action} (prefix), {@code from}, {@code to}. */
    @GET
    @Path("/audit")
    @Requires(role = Role.ADMIN)
    public Map<String, Object> audit(@QueryParam("actor") String actor, @QueryParam("action") String action,
                                     @QueryParam("from") String from, @QueryParam("to") String to,
                                     @QueryParam("page") String page, @QueryParam("limit") String limit) {
        AuditQuery q = new AuditQuery(blankToNull(actor), blankToNull(action), QueryParameters.instant("from", from),
                QueryParameters.instant("to", to),
                QueryParameters.integer("page", page, 1, 1, AuditQuery.MAX_PAGE),
                QueryParameters.integer("limit", limit, 50, 1, AuditQuery.MAX_LIMIT));
        AuditPage result = audit.query(q);
        return Map.of("items", result.items().stream().map(AuditRecordDto::from).toList(), "total", result.total(),
                "page", q.page(), "limit", q.limit());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
