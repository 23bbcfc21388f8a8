package io.quarterdeck.adapters.rest.clusterai;

import io.quarterdeck.adapters.rest.spine.ratelimit.RateLimited;
import io.quarterdeck.adapters.rest.spine.security.Audited;
import io.quarterdeck.adapters.rest.spine.security.AuthenticationFilter;
import io.quarterdeck.adapters.rest.spine.security.PublicEndpoint;
import io.quarterdeck.adapters.rest.spine.security.Requires;
import io.quarterdeck.adapters.rest.spine.JsonFields;
import io.quarterdeck.adapters.rest.spine.RequestAttributes;
import io.quarterdeck.application.port.in.identity.ProfileUseCase;
import io.quarterdeck.application.port.in.identity.SignInUseCase;
import io.quarterdeck.application.port.in.identity.TokenPair;
import io.quarterdeck.domain.identity.Caller;
import io.quarterdeck.domain.identity.Role;
import io.quarterdeck.domain.identity.User;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Seed 002's authentication: {@code POST /cluster-ai/auth/login} and {@code GET /cluster-ai/auth/me}. */
@Path("/cluster-ai/auth")
@Produces(MediaType.APPLICATION_JSON)
public class ClusterAiAuthResource {
    private final SignInUseCase signIn;
    private final ProfileUseCase profile;
    @Context
    HttpServletRequest request;
    @Context
    SecurityContext security;

    @Inject
    public ClusterAiAuthResource(SignInUseCase signIn, ProfileUseCase profile) {
        this.signIn = signIn;
        this.profile = profile;
    }

    @POST
    @Path("/login")
    @Consumes(MediaType.APPLICATION_JSON)
    @PublicEndpoint
    @RateLimited(RateLimited.Plan.AUTH)
    @Audited("auth.login")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT,
                requiredProperties = {"username", "password"}, properties = {
                    @SchemaProperty(name = "username", type = SchemaType.STRING),
                    @SchemaProperty(name = "password", type = SchemaType.STRING)})))
    @APIResponse(responseCode = "200", description = "A bearer access token",
        content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT,
                requiredProperties = {"access_token", "token_type"}, properties = {
                    @SchemaProperty(name = "access_token", type = SchemaType.STRING),
                    @SchemaProperty(name = "token_type", type = SchemaType.STRING, enumeration = "bearer")})))
    public Map<String, String> login(JsonValue body) {
        JsonObject o = JsonFields.object(body);
        String username = JsonFields.required(o, "username");
        request.setAttribute(RequestAttributes.CLAIMED_ACTOR, username);
        TokenPair pair = signIn.signIn(username, JsonFields.required(o, "password"));
        Map<String, String> out = new LinkedHashMap<>();
        out.put("access_token", pair.accessToken());
        out.put("token_type", "bearer");
        return out;
    }

    @GET
    @Path("/me")
    @Requires(role = Role.VIEWER)
    @APIResponse(responseCode = "200", description = "The signed-in person",
        content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT,
                requiredProperties = {"username"}, properties = {
                    @SchemaProperty(name = "username", type = SchemaType.STRING),
                    @SchemaProperty(name = "email", type = SchemaType.STRING),
                    @SchemaProperty(name = "full_name", type = SchemaType.STRING),
                    @SchemaProperty(name = "disabled", type = SchemaType.BOOLEAN)})))
    public Map<String, Object> me() {
        Caller caller = AuthenticationFilter.callerOf(security);
        Map<String, Object> out = new LinkedHashMap<>();
        if (caller.isExternal()) {
            out.put("username", caller.name());
            out.put("email", null);
            out.put("full_name", caller.name());
            out.put("disabled", false);
            return out;
        }
        User u = profile.me(caller);
        out.put("username", u.username());
        out.put("email", u.email());
        out.put("full_name", u.fullName());
        out.put("disabled", u.disabled());
        return out;
    }
}
