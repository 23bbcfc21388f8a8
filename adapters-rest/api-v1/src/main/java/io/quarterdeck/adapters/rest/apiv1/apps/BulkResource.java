package io.quarterdeck.adapters.rest.apiv1.apps;

import io.quarterdeck.adapters.rest.apiv1.apps.AppsDtos.BulkDto;
import io.quarterdeck.adapters.rest.spine.JsonFields;
import io.quarterdeck.adapters.rest.spine.RequestAttributes;
import io.quarterdeck.adapters.rest.spine.security.Audited;
import io.quarterdeck.adapters.rest.spine.security.Requires;
import io.quarterdeck.application.port.in.apps.CommandAppsUseCase;
import io.quarterdeck.application.port.out.apps.AppFilter;
import io.quarterdeck.domain.apps.AppNames;
import io.quarterdeck.domain.apps.CommandType;
import io.quarterdeck.domain.apps.RunStatus;
import io.quarterdeck.domain.identity.Role;
import io.quarterdeck.domain.identity.Scope;
import io.quarterdeck.domain.shared.InvalidFieldException;
import io.quarterdeck.domain.shared.Text;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/**
 * Seed 003's bulk operations: a command to every app the {@code filter} matches (group, parent, app glob, status),
 * all stored in one transaction; the answer lists what was sent and what was refused and why.
 */
@Path("/api/v1/bulk")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BulkResource {
    private static final Set<String> FILTER_FIELDS = Set.of("group", "parent", "app", "status");
    private final CommandAppsUseCase commands;
    @Context
    HttpServletRequest request;
    @Context
    SecurityContext security;

    @Inject
    public BulkResource(CommandAppsUseCase commands) {
        this.commands = commands;
    }

    @POST
    @Path("/start")
    @Requires(role = Role.OPERATOR, scopes = {Scope.OPERATE})
    @Audited("bulk.start")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT, requiredProperties = {"filter"}, properties = {
                @SchemaProperty(name = "filter", type = SchemaType.OBJECT,
                    description = "group, parent, app (glob: * and ?), status (run status); at least one")})))
    public BulkDto start(JsonValue body) {
        return run(body, CommandType.START, false);
    }

    @POST
    @Path("/stop")
    @Requires(role = Role.OPERATOR, scopes = {Scope.OPERATE})
    @Audited("bulk.stop")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT, requiredProperties = {"filter"}, properties = {
                @SchemaProperty(name = "filter", type = SchemaType.OBJECT,
                    description = "group, parent, app (glob: * and ?), status (run status); at least one")})))
    public BulkDto stop(JsonValue body) {
        return run(body, CommandType.STOP, false);
    }

    @POST
    @Path("/command")
    @Requires(role = Role.OPERATOR, scopes = {Scope.OPERATE})
    @Audited("bulk.command")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT, requiredProperties = {"filter", "command"}, properties = {
                @SchemaProperty(name = "filter", type = SchemaType.OBJECT,
                    description = "group, parent, app (glob: * and ?), status (run status); at least one"),
                @SchemaProperty(name = "command", type = SchemaType.STRING,
                    description = "START, STOP, RESTART, RESET, ENABLE or DISABLE")})))
    public BulkDto command(JsonValue body) {
        return run(body, null, true);
    }

    private BulkDto run(JsonValue body, CommandType fixed, boolean commandRequired) {
        JsonObject o = JsonFields.object(body);
        for (String k : o.keySet()) {
            if (!k.equals("filter") && !k.equals("command")) {
                throw new InvalidFieldException(k.length() > 64 ? k.substring(0, 64) : k, "is not a field of a bulk request");
            }
        }
        String named = JsonFields.string(o, "command");
        CommandType type;
        if (commandRequired) {
            type = CommandType.parse("command", JsonFields.required(o, "command"));
        } else {
            type = fixed;
            if (named != null && CommandType.parse("command", named) != fixed) {
                throw new InvalidFieldException("command", "must be " + fixed + " here (or absent)");
            }
        }
        JsonValue f = o.get("filter");
        if (f == null || f.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidFieldException("filter", "is required and must be an object");
        }
        JsonObject filter = f.asJsonObject();
        for (String k : filter.keySet()) {
            if (!FILTER_FIELDS.contains(k)) {
                throw new InvalidFieldException("filter." + (k.length() > 64 ? k.substring(0, 64) : k),
                        "is not a filter (group, parent, app, status)");
            }
        }
        String glob = JsonFields.string(filter, "app");
        if (glob != null) {
            Text.printable("filter.app", glob);
        }
        String status = JsonFields.string(filter, "status");
        AppFilter appFilter = new AppFilter(AppNames.optional("filter.group", JsonFields.string(filter, "group")),
                AppNames.optional("filter.parent", JsonFields.string(filter, "parent")), glob,
                status == null ? null : RunStatus.parse("filter.status", status));
        var outcome = commands.bulk(Params.actor(security), appFilter, type);
        request.setAttribute(RequestAttributes.SUMMARY, "bulk " + type + " " + filter + ": " + outcome.sent().size()
                + " sent, " + outcome.refused().size() + " refused");
        return BulkDto.from(outcome);
    }
}
