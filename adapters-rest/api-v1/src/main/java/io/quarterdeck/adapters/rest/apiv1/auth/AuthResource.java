package io.quarterdeck.adapters.rest.apiv1.auth;

import io.quarterdeck.adapters.rest.spine.ratelimit.RateLimited;
import io.quarterdeck.adapters.rest.spine.security.Audited;
import io.quarterdeck.adapters.rest.spine.security.AuthenticationFilter;
import io.quarterdeck.application.port.in.identity.SigningKeysUseCase;
import io.quarterdeck.adapters.rest.spine.security.PublicEndpoint;
import io.quarterdeck.adapters.rest.spine.security.Requires;
import io.quarterdeck.adapters.rest.spine.JsonFields;
import io.quarterdeck.adapters.rest.spine.RequestAttributes;
import io.quarterdeck.application.port.in.identity.PasswordChange;
import io.quarterdeck.application.port.in.identity.ProfileChange;
import io.quarterdeck.application.port.in.identity.ProfileUseCase;
import io.quarterdeck.application.port.in.identity.RegisterCommand;
import io.quarterdeck.application.port.in.identity.RefreshTokensUseCase;
import io.quarterdeck.application.port.in.identity.RegisterUseCase;
import io.quarterdeck.application.port.in.identity.ServiceSignInUseCase;
import io.quarterdeck.application.port.in.identity.SignInUseCase;
import io.quarterdeck.application.port.in.identity.SignOutUseCase;
import io.quarterdeck.domain.identity.Caller;
import io.quarterdeck.domain.identity.NotPermittedException;
import io.quarterdeck.domain.identity.Role;
import io.quarterdeck.domain.identity.Scope;
import io.quarterdeck.domain.identity.User;
import io.quarterdeck.domain.shared.InvalidFieldException;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * {@code /api/v1/auth}: the token endpoints of the Data Collector (003: {@code /token} as an OAuth2 form or JSON,
 * {@code /refresh}, {@code /service}) and ChatOps (004: {@code /register}, {@code /login}, {@code /me},
 * {@code /change-password}), which issue the same token pair; plus {@code /logout}, the JWKS and key rotation.
 */
@Path("/api/v1/auth")
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {
    private final SignInUseCase signIn;
    private final RefreshTokensUseCase refresh;
    private final ServiceSignInUseCase serviceSignIn;
    private final SignOutUseCase signOut;
    private final ProfileUseCase profile;
    private final RegisterUseCase register;
    private final SigningKeysUseCase keys;
    @Context
    HttpServletRequest request;
    @Context
    SecurityContext security;

    @Inject
    public AuthResource(SignInUseCase signIn, RefreshTokensUseCase refresh, ServiceSignInUseCase serviceSignIn,
                        SignOutUseCase signOut, ProfileUseCase profile, RegisterUseCase register,
                        SigningKeysUseCase keys) {
        this.signIn = signIn;
        this.refresh = refresh;
        this.serviceSignIn = serviceSignIn;
        this.signOut = signOut;
        this.profile = profile;
        this.register = register;
        this.keys = keys;
    }

    /** OAuth2 token endpoint, form encoded: grant types password (the default), refresh_token, client_credentials. */
    @POST
    @Path("/token")
    @RateLimited(RateLimited.Plan.AUTH)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @PublicEndpoint
    @Audited("auth.token")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED,
            schema = @Schema(type = SchemaType.OBJECT,
                description = "OAuth2 grant_type: password (the default), refresh_token or client_credentials",
                properties = {
                    @SchemaProperty(name = "grant_type", type = SchemaType.STRING),
                    @SchemaProperty(name = "username", type = SchemaType.STRING),
                    @SchemaProperty(name = "password", type = SchemaType.STRING),
                    @SchemaProperty(name = "refresh_token", type = SchemaType.STRING),
                    @SchemaProperty(name = "client_id", type = SchemaType.STRING),
                    @SchemaProperty(name = "client_secret", type = SchemaType.STRING)})))
    public TokenDto tokenForm(MultivaluedMap<String, String> form) {
        String grant = form.getFirst("grant_type");
        if (grant == null || grant.isBlank() || grant.equals("password")) {
            return login(form.getFirst("username"), form.getFirst("password"));
        }
        if (grant.equals("refresh_token")) {
            return TokenDto.from(refresh.refresh(required(form.getFirst("refresh_token"), "refresh_token")));
        }
        if (grant.equals("client_credentials")) {
            return service(form.getFirst("client_id"), form.getFirst("client_secret"));
        }
        throw new InvalidFieldException("grant_type", "must be password, refresh_token or client_credentials");
    }

    @POST
    @Path("/token")
    @RateLimited(RateLimited.Plan.AUTH)
    @Consumes(MediaType.APPLICATION_JSON)
    @PublicEndpoint
    @Audited("auth.token")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT,
                requiredProperties = {"username", "password"}, properties = {
                    @SchemaProperty(name = "username", type = SchemaType.STRING),
                    @SchemaProperty(name = "password", type = SchemaType.STRING)})))
    public TokenDto tokenJson(JsonValue body) {
        JsonObject o = JsonFields.object(body);
        return login(JsonFields.string(o, "username"), JsonFields.string(o, "password"));
    }

    @POST
    @Path("/login")
    @RateLimited(RateLimited.Plan.AUTH)
    @Consumes(MediaType.APPLICATION_JSON)
    @PublicEndpoint
    @Audited("auth.login")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT,
                requiredProperties = {"username", "password"}, properties = {
                    @SchemaProperty(name = "username", type = SchemaType.STRING),
                    @SchemaProperty(name = "password", type = SchemaType.STRING)})))
    public TokenDto loginJson(JsonValue body) {
        JsonObject o = JsonFields.object(body);
        return login(JsonFields.string(o, "username"), JsonFields.string(o, "password"));
    }

    private TokenDto login(String username, String password) {
        request.setAttribute(RequestAttributes.CLAIMED_ACTOR, username == null ? null : username.strip());
        return TokenDto.from(signIn.signIn(required(username, "username"), required(password, "password")));
    }

    @POST
    @Path("/refresh")
    @RateLimited(RateLimited.Plan.AUTH)
    @Consumes(MediaType.APPLICATION_JSON)
    @PublicEndpoint
    @Audited("auth.refresh")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT,
                requiredProperties = {"refresh_token"}, properties = {
                    @SchemaProperty(name = "refresh_token", type = SchemaType.STRING)})))
    public TokenDto refresh(JsonValue body) {
        return TokenDto.from(refresh.refresh(JsonFields.required(JsonFields.object(body), "refresh_token")));
    }

    @POST
    @Path("/service")
    @RateLimited(RateLimited.Plan.AUTH)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @PublicEndpoint
    @Audited("auth.service")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED,
            schema = @Schema(type = SchemaType.OBJECT,
                requiredProperties = {"client_id", "client_secret"}, properties = {
                    @SchemaProperty(name = "client_id", type = SchemaType.STRING),
                    @SchemaProperty(name = "client_secret", type = SchemaType.STRING)})))
    public TokenDto serviceForm(MultivaluedMap<String, String> form) {
        return service(form.getFirst("client_id"), form.getFirst("client_secret"));
    }

    @POST
    @Path("/service")
    @RateLimited(RateLimited.Plan.AUTH)
    @Consumes(MediaType.APPLICATION_JSON)
    @PublicEndpoint
    @Audited("auth.service")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT,
                requiredProperties = {"client_id", "client_secret"}, properties = {
                    @SchemaProperty(name = "client_id", type = SchemaType.STRING),
                    @SchemaProperty(name = "client_secret", type = SchemaType.STRING)})))
    public TokenDto serviceJson(JsonValue body) {
        JsonObject o = JsonFields.object(body);
        return service(JsonFields.string(o, "client_id"), JsonFields.string(o, "client_secret"));
    }

    private TokenDto service(String clientId, String secret) {
        request.setAttribute(RequestAttributes.CLAIMED_ACTOR, clientId);
        return TokenDto.from(serviceSignIn.signInService(required(clientId, "client_id"), required(secret, "client_secret")));
    }

    @POST
    @Path("/register")
    @RateLimited(RateLimited.Plan.AUTH)
    @Consumes(MediaType.APPLICATION_JSON)
    @PublicEndpoint
    @Audited("auth.register")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT,
                requiredProperties = {"username", "password"}, properties = {
                    @SchemaProperty(name = "username", type = SchemaType.STRING),
                    @SchemaProperty(name = "email", type = SchemaType.STRING),
                    @SchemaProperty(name = "full_name", type = SchemaType.STRING),
                    @SchemaProperty(name = "password", type = SchemaType.STRING)})))
    @APIResponse(responseCode = "201", description = "The new account (role viewer)",
        content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = UserDto.class)))
    public Response register(JsonValue body) {
        JsonObject o = JsonFields.object(body);
        String username = JsonFields.required(o, "username");
        request.setAttribute(RequestAttributes.CLAIMED_ACTOR, username);
        User user = register.register(new RegisterCommand(username, JsonFields.string(o, "email"),
                JsonFields.string(o, "full_name"), JsonFields.required(o, "password")));
        request.setAttribute(RequestAttributes.SUMMARY, "registered " + user.username() + " as viewer");
        return Response.status(201).entity(UserDto.from(user)).build();
    }

    @POST
    @Path("/logout")
    @Requires(role = Role.VIEWER, scopes = {Scope.READ, Scope.WRITE, Scope.INGEST, Scope.OPERATE})
    @Audited("auth.logout")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT,
                description = "Optional: the refresh token to revoke as well",
                properties = {
                    @SchemaProperty(name = "refresh_token", type = SchemaType.STRING)})))
    @APIResponse(responseCode = "204", description = "Signed out: the access token and any refresh token given are void")
    public Response logout(String body) {
        String refreshToken = null;
        if (body != null && !body.isBlank()) {
            try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(body))) {
                refreshToken = JsonFields.string(JsonFields.object(reader.readValue()), "refresh_token");
            } catch (jakarta.json.JsonException e) {
                throw new InvalidFieldException("body", "must be empty or a JSON object");
            }
        }
        signOut.signOut(AuthenticationFilter.callerOf(security), refreshToken);
        return Response.noContent().build();
    }

    @GET
    @Path("/me")
    @Requires(role = Role.VIEWER)
    public UserDto me() {
        Caller caller = AuthenticationFilter.callerOf(security);
        if (caller.isExternal()) {
            return new UserDto(caller.id(), caller.name(), null, null, caller.role().wireName(), true, null, null);
        }
        return UserDto.from(profile.me(caller));
    }

    @PUT
    @Path("/me")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(role = Role.VIEWER)
    @Audited("auth.update_profile")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT,
                properties = {
                    @SchemaProperty(name = "email", type = SchemaType.STRING),
                    @SchemaProperty(name = "full_name", type = SchemaType.STRING)})))
    public UserDto updateMe(JsonValue body) {
        JsonObject o = JsonFields.object(body);
        Caller caller = localPerson();
        for (String key : o.keySet()) {
            if (!key.equals("email") && !key.equals("full_name")) {
                throw new InvalidFieldException(key, "cannot be changed here (only email and full_name)");
            }
        }
        return UserDto.from(profile.updateProfile(caller,
                new ProfileChange(JsonFields.string(o, "email"), JsonFields.string(o, "full_name"))));
    }

    @POST
    @Path("/change-password")
    @RateLimited(RateLimited.Plan.AUTH)
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(role = Role.VIEWER)
    @Audited("auth.change_password")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT,
                description = "current_password (or old_password) and new_password",
                requiredProperties = {"new_password"}, properties = {
                    @SchemaProperty(name = "current_password", type = SchemaType.STRING),
                    @SchemaProperty(name = "old_password", type = SchemaType.STRING),
                    @SchemaProperty(name = "new_password", type = SchemaType.STRING)})))
    @APIResponse(responseCode = "204", description = "The password was changed")
    public Response changePassword(JsonValue body) {
        JsonObject o = JsonFields.object(body);
        String current = JsonFields.string(o, "current_password");
        if (current == null) {
            current = JsonFields.string(o, "old_password");
        }
        profile.changePassword(localPerson(),
                new PasswordChange(required(current, "current_password"), JsonFields.required(o, "new_password")));
        return Response.noContent().build();
    }

    /** The public keys that verify this server's tokens (RFC 7517). */
    @GET
    @Path("/jwks")
    @PublicEndpoint
    @APIResponse(responseCode = "200", description = "The public signing keys (RFC 7517)",
        content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT,
                requiredProperties = {"keys"}, properties = {
                    @SchemaProperty(name = "keys", type = SchemaType.ARRAY, implementation = Map.class)})))
    public Response jwks() {
        return Response.ok(keys.publicJwks()).header("Cache-Control", "public, max-age=300").build();
    }

    /** A new signing key; tokens signed by the old one stay valid until they expire. */
    @POST
    @Path("/keys/rotate")
    @Requires(role = Role.ADMIN)
    @Audited("auth.rotate_signing_key")
    public Map<String, String> rotate() {
        String kid = keys.rotate();
        request.setAttribute(RequestAttributes.SUMMARY, "new signing key " + kid);
        return Map.of("kid", kid);
    }

    private Caller localPerson() {
        Caller caller = AuthenticationFilter.callerOf(security);
        if (caller.isExternal()) {
            throw new NotPermittedException("This account is managed by your identity provider");
        }
        return caller;
    }

    private static String required(String value, String field) {
        if (value == null || value.isEmpty()) {
            throw new InvalidFieldException(field, "is required");
        }
        return value;
    }
}
