package io.quarterdeck.adapters.rest.healthmonitor;

import io.quarterdeck.adapters.rest.spine.ratelimit.RateLimited;
import io.quarterdeck.adapters.rest.spine.apikeys.ApiKeyDto;
import io.quarterdeck.adapters.rest.spine.apikeys.ApiKeyRequests;
import io.quarterdeck.adapters.rest.spine.security.Audited;
import io.quarterdeck.adapters.rest.spine.security.AuthenticationFilter;
import io.quarterdeck.adapters.rest.spine.security.PublicEndpoint;
import io.quarterdeck.adapters.rest.spine.security.Requires;
import io.quarterdeck.adapters.rest.spine.JsonFields;
import io.quarterdeck.adapters.rest.spine.RequestAttributes;
import io.quarterdeck.adapters.rest.spine.Times;
import io.quarterdeck.application.port.in.identity.ManageApiKeysUseCase;
import io.quarterdeck.application.port.in.identity.AcceptInvitationCommand;
import io.quarterdeck.application.port.in.identity.ManageTeamUseCase;
import io.quarterdeck.domain.identity.Invitation;
import io.quarterdeck.domain.identity.Role;
import io.quarterdeck.domain.identity.User;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Seed 001 section 6: API keys ({@code /api/settings/api-keys}) and the team ({@code /api/settings/team}, invitations
 * with a one-time token, accepted at {@code /api/settings/team/accept}). Admins only, except accepting.
 */
@Path("/api/settings")
@Produces(MediaType.APPLICATION_JSON)
public class SettingsResource {
    private final ManageApiKeysUseCase apiKeys;
    private final ManageTeamUseCase team;
    @Context
    HttpServletRequest request;
    @Context
    SecurityContext security;

    @Inject
    public SettingsResource(ManageApiKeysUseCase apiKeys, ManageTeamUseCase team) {
        this.apiKeys = apiKeys;
        this.team = team;
    }

    @GET
    @Path("/api-keys")
    @Requires(role = Role.ADMIN)
    public Envelope<Map<String, List<ApiKeyDto>>> listApiKeys() {
        return Envelope.success(Map.of("api_keys", apiKeys.list().stream().map(k -> ApiKeyDto.from(k, null)).toList()));
    }

    /** The key is in the answer once ({@code key}); afterwards only its preview is shown. */
    @POST
    @Path("/api-keys")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(role = Role.ADMIN)
    @Audited("api_key.create")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ApiKeyRequests.Body.class)))
    @APIResponse(responseCode = "201", description = "The key; its secret is shown in this answer only",
        content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT,
                requiredProperties = {"data", "status"}, properties = {
                    @SchemaProperty(name = "data", implementation = ApiKeyDto.class),
                    @SchemaProperty(name = "status", type = SchemaType.STRING, enumeration = "success")})))
    public Response createApiKey(JsonValue body) {
        var created = ApiKeyRequests.create(apiKeys, body, request);
        return Response.status(201).entity(Envelope.success(ApiKeyDto.from(created.key(), created.secret()))).build();
    }

    @DELETE
    @Path("/api-keys/{id}")
    @Requires(role = Role.ADMIN)
    @Audited("api_key.revoke")
    public Envelope<Map<String, String>> revokeApiKey(@PathParam("id") String id) {
        ApiKeyRequests.revoke(apiKeys, id, request);
        return Envelope.success(Map.of("id", id, "status", "revoked"));
    }

    /** Members, then open invitations ({@code status: invited}). */
    @GET
    @Path("/team")
    @Requires(role = Role.ADMIN)
    public Envelope<Map<String, List<Map<String, Object>>>> team() {
        List<Map<String, Object>> members = new ArrayList<>();
        for (User u : team.members()) {
            members.add(member(u));
        }
        for (Invitation i : team.openInvitations()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", i.id());
            m.put("name", null);
            m.put("email", i.email());
            m.put("role", i.role().wireName());
            m.put("status", "invited");
            m.put("last_active", null);
            m.put("created_at", Times.format(i.createdAt()));
            m.put("expires_at", Times.format(i.expiresAt()));
            members.add(m);
        }
        return Envelope.success(Map.of("members", members));
    }

    /** The invitation's one-time {@code token} is in this answer only; pass it to the invitee. */
    @POST
    @Path("/team/invite")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(role = Role.ADMIN)
    @Audited("team.invite")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT,
                description = "role defaults to viewer",
                requiredProperties = {"email"}, properties = {
                    @SchemaProperty(name = "email", type = SchemaType.STRING),
                    @SchemaProperty(name = "role", type = SchemaType.STRING)})))
    @APIResponse(responseCode = "201", description = "The invitation; its one-time token is shown in this answer only",
        content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT,
                requiredProperties = {"data", "status"}, properties = {
                    @SchemaProperty(name = "data", type = SchemaType.OBJECT),
                    @SchemaProperty(name = "status", type = SchemaType.STRING, enumeration = "success")})))
    public Response invite(JsonValue body) {
        JsonObject o = JsonFields.object(body);
        String role = JsonFields.string(o, "role");
        var created = team.invite(AuthenticationFilter.callerOf(security), JsonFields.string(o, "email"),
                Role.parsePersonRole("role", role == null ? "viewer" : role));
        Invitation i = created.invitation();
        request.setAttribute(RequestAttributes.SUMMARY, "invited " + i.email() + " as " + i.role().wireName());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", i.id());
        data.put("email", i.email());
        data.put("role", i.role().wireName());
        data.put("status", "invited");
        data.put("token", created.token());
        data.put("expires_at", Times.format(i.expiresAt()));
        data.put("created_at", Times.format(i.createdAt()));
        return Response.status(201).entity(Envelope.success(data)).build();
    }

    /** The invitee chooses a username and password; the token works once. */
    @POST
    @Path("/team/accept")
    @Consumes(MediaType.APPLICATION_JSON)
    @PublicEndpoint
    @RateLimited(RateLimited.Plan.AUTH)
    @Audited("team.accept")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT,
                requiredProperties = {"token", "username", "password"}, properties = {
                    @SchemaProperty(name = "token", type = SchemaType.STRING),
                    @SchemaProperty(name = "username", type = SchemaType.STRING),
                    @SchemaProperty(name = "password", type = SchemaType.STRING),
                    @SchemaProperty(name = "name", type = SchemaType.STRING),
                    @SchemaProperty(name = "full_name", type = SchemaType.STRING)})))
    @APIResponse(responseCode = "201", description = "The new member",
        content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT,
                requiredProperties = {"data", "status"}, properties = {
                    @SchemaProperty(name = "data", type = SchemaType.OBJECT),
                    @SchemaProperty(name = "status", type = SchemaType.STRING, enumeration = "success")})))
    public Response accept(JsonValue body) {
        JsonObject o = JsonFields.object(body);
        String username = JsonFields.required(o, "username");
        request.setAttribute(RequestAttributes.CLAIMED_ACTOR, username);
        String name = JsonFields.string(o, "name");
        User user = team.accept(new AcceptInvitationCommand(JsonFields.required(o, "token"), username,
                name != null ? name : JsonFields.string(o, "full_name"), JsonFields.required(o, "password")));
        request.setAttribute(RequestAttributes.SUMMARY, user.username() + " joined as " + user.role().wireName());
        return Response.status(201).entity(Envelope.success(member(user))).build();
    }

    private static Map<String, Object> member(User u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", u.id());
        m.put("name", u.fullName() != null ? u.fullName() : u.username());
        m.put("username", u.username());
        m.put("email", u.email());
        m.put("role", u.role().wireName());
        m.put("status", u.disabled() ? "disabled" : "active");
        m.put("last_active", u.lastActive() == null ? null : Times.format(u.lastActive()));
        m.put("created_at", Times.format(u.createdAt()));
        return m;
    }
}
