package io.quarterdeck.adapters.rest.apiv1.apps;

import io.quarterdeck.adapters.rest.apiv1.apps.AppsDtos.AppDto;
import io.quarterdeck.adapters.rest.apiv1.apps.AppsDtos.AppPageDto;
import io.quarterdeck.adapters.rest.apiv1.apps.AppsDtos.CommandDto;
import io.quarterdeck.adapters.rest.apiv1.apps.AppsDtos.CommandsDto;
import io.quarterdeck.adapters.rest.spine.JsonFields;
import io.quarterdeck.adapters.rest.spine.QueryParameters;
import io.quarterdeck.adapters.rest.spine.RequestAttributes;
import io.quarterdeck.adapters.rest.spine.security.Audited;
import io.quarterdeck.adapters.rest.spine.security.Requires;
import io.quarterdeck.application.port.in.apps.CommandAppsUseCase;
import io.quarterdeck.application.port.in.apps.QueryAppsUseCase;
import io.quarterdeck.application.port.in.apps.ReportUseCase;
import io.quarterdeck.application.port.in.apps.Reports;
import io.quarterdeck.domain.apps.App;
import io.quarterdeck.domain.apps.AppQuery;
import io.quarterdeck.domain.apps.Command;
import io.quarterdeck.domain.apps.CommandType;
import io.quarterdeck.domain.apps.RunStatus;
import io.quarterdeck.domain.identity.Role;
import io.quarterdeck.domain.identity.Scope;
import io.quarterdeck.domain.shared.InvalidFieldException;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
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
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Seed 003's apps: the list and details, START/STOP/RESET (operators; 409 when the app's state refuses), PATCH of
 * the configuration (admins), the managers' intake (register, status; scope {@code ingest}) and the commands for
 * managers that fetch instead of subscribing to RabbitMQ.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class AppsResource {
    private static final Set<String> PATCHABLE = Set.of("schedule", "settings", "disabled", "group", "parent");
    private final QueryAppsUseCase queries;
    private final CommandAppsUseCase commands;
    private final ReportUseCase reports;
    @Context
    HttpServletRequest request;
    @Context
    SecurityContext security;

    @Inject
    public AppsResource(QueryAppsUseCase queries, CommandAppsUseCase commands, ReportUseCase reports) {
        this.queries = queries;
        this.commands = commands;
        this.reports = reports;
    }

    /** Filters {@code group}, {@code parent}, {@code app} (glob), {@code run_status}, {@code fatal}, {@code disabled}, {@code search}; {@code sort} ({@code -} for descending); {@code page}, {@code per_page} (at most 100). */
    @GET
    @Path("/apps")
    @Requires(role = Role.VIEWER, scopes = {Scope.READ})
    public AppPageDto list(@QueryParam("group") String group, @QueryParam("parent") String parent,
                           @QueryParam("app") String app, @QueryParam("run_status") String runStatus,
                           @QueryParam("fatal") String fatal, @QueryParam("disabled") String disabled,
                           @QueryParam("search") String search, @QueryParam("sort") String sort,
                           @QueryParam("page") String page, @QueryParam("per_page") String perPage) {
        String s = Params.optional(sort);
        String status = Params.optional(runStatus);
        AppQuery q = new AppQuery(Params.name("group", group), Params.name("parent", parent), Params.name("app", app),
                status == null ? null : RunStatus.parse("run_status", status), Params.bool("fatal", fatal),
                Params.bool("disabled", disabled), Params.name("search", search),
                s == null ? null : AppQuery.parseSort(s), s != null && s.startsWith("-"),
                QueryParameters.integer("page", page, 1, 1, 1_000_000),
                QueryParameters.integer("per_page", perPage, 20, 1, AppQuery.MAX_PER_PAGE));
        var result = queries.list(q);
        return new AppPageDto(result.items().stream().map(AppDto::from).toList(), result.total(), result.page(),
                result.perPage());
    }

    @GET
    @Path("/apps/{app_id}")
    @Requires(role = Role.VIEWER, scopes = {Scope.READ})
    public AppDto get(@PathParam("app_id") String appId) {
        return AppDto.from(queries.get(Params.id("app_id", appId)));
    }

    @POST
    @Path("/apps/{app_id}/start")
    @Requires(role = Role.OPERATOR, scopes = {Scope.OPERATE})
    @Audited("app.start")
    @APIResponse(responseCode = "202", description = "The command is stored and will be sent to the app's manager",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CommandDto.class)))
    public Response start(@PathParam("app_id") String appId) {
        return command(appId, CommandType.START);
    }

    @POST
    @Path("/apps/{app_id}/stop")
    @Requires(role = Role.OPERATOR, scopes = {Scope.OPERATE})
    @Audited("app.stop")
    @APIResponse(responseCode = "202", description = "The command is stored and will be sent to the app's manager",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CommandDto.class)))
    public Response stop(@PathParam("app_id") String appId) {
        return command(appId, CommandType.STOP);
    }

    @POST
    @Path("/apps/{app_id}/reset")
    @Requires(role = Role.OPERATOR, scopes = {Scope.OPERATE})
    @Audited("app.reset")
    @APIResponse(responseCode = "202", description = "The fatal flag is cleared and RESET is sent to the app's manager",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CommandDto.class)))
    public Response reset(@PathParam("app_id") String appId) {
        return command(appId, CommandType.RESET);
    }

    private Response command(String appId, CommandType type) {
        Command c = commands.issue(Params.actor(security), Params.id("app_id", appId), type);
        request.setAttribute(RequestAttributes.SUMMARY, type + " to app " + c.app() + " (command " + c.id() + ")");
        return Response.status(202).entity(CommandDto.from(c)).build();
    }

    @PATCH
    @Path("/apps/{app_id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(role = Role.ADMIN, scopes = {Scope.WRITE})
    @Audited("app.configure")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT, description = "only these fields; any other is a 400",
                properties = {
                    @SchemaProperty(name = "schedule", type = SchemaType.STRING),
                    @SchemaProperty(name = "settings", type = SchemaType.OBJECT),
                    @SchemaProperty(name = "disabled", type = SchemaType.BOOLEAN),
                    @SchemaProperty(name = "group", type = SchemaType.STRING),
                    @SchemaProperty(name = "parent", type = SchemaType.STRING)})))
    public AppDto configure(@PathParam("app_id") String appId, JsonValue body) {
        JsonObject o = JsonFields.object(body);
        for (String k : o.keySet()) {
            if (!PATCHABLE.contains(k)) {
                throw new InvalidFieldException(k.length() > 64 ? k.substring(0, 64) : k,
                        "is not a field that can be changed (schedule, settings, disabled, group, parent)");
            }
        }
        if (o.isEmpty()) {
            throw new InvalidFieldException("body", "must set at least one of schedule, settings, disabled, group, parent");
        }
        Map<String, Object> settings = null;
        if (o.containsKey("settings") && o.get("settings").getValueType() != JsonValue.ValueType.NULL) {
            if (o.get("settings").getValueType() != JsonValue.ValueType.OBJECT) {
                throw new InvalidFieldException("settings", "must be an object");
            }
            settings = JsonMaps.of(o.getJsonObject("settings"));
        }
        String id = Params.id("app_id", appId);
        App.Configuration c = new App.Configuration(JsonFields.string(o, "group"), JsonFields.string(o, "parent"),
                JsonFields.string(o, "schedule"), settings, JsonFields.bool(o, "disabled"));
        request.setAttribute(RequestAttributes.SUMMARY, "configured app " + id + ": " + String.join(", ", o.keySet()));
        return AppDto.from(commands.configure(id, c));
    }

    /** A manager registers an app (or updates its registration) by its {@code app} name. */
    @POST
    @Path("/apps")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(role = Role.ADMIN, scopes = {Scope.INGEST})
    @Audited("app.register")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT, requiredProperties = {"app"}, properties = {
                @SchemaProperty(name = "app", type = SchemaType.STRING),
                @SchemaProperty(name = "group", type = SchemaType.STRING),
                @SchemaProperty(name = "parent", type = SchemaType.STRING),
                @SchemaProperty(name = "schedule", type = SchemaType.STRING),
                @SchemaProperty(name = "settings", type = SchemaType.OBJECT),
                @SchemaProperty(name = "next_run", type = SchemaType.STRING, format = "date-time")})))
    public AppDto register(JsonValue body) {
        App.Registration r = Reports.registration(JsonMaps.of(JsonFields.object(body)));
        request.setAttribute(RequestAttributes.SUMMARY, "registered app " + r.app());
        return AppDto.from(reports.register(r));
    }

    /** A manager reports an app's status; the same report twice changes nothing the second time. */
    @POST
    @Path("/apps/{app_id}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(role = Role.ADMIN, scopes = {Scope.INGEST})
    @Audited("app.report_status")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT, description = "command_flag may only be NONE (acknowledged)",
                properties = {
                    @SchemaProperty(name = "run_status", type = SchemaType.STRING),
                    @SchemaProperty(name = "fatal_flag", type = SchemaType.STRING),
                    @SchemaProperty(name = "command_flag", type = SchemaType.STRING),
                    @SchemaProperty(name = "progress", type = SchemaType.OBJECT),
                    @SchemaProperty(name = "next_run", type = SchemaType.STRING, format = "date-time")})))
    public AppDto reportStatus(@PathParam("app_id") String appId, JsonValue body) {
        String id = Params.id("app_id", appId);
        Map<String, Object> fields = JsonMaps.of(JsonFields.object(body));
        Object named = fields.get("app");
        if (named != null && !id.equals(named)) {
            throw new InvalidFieldException("app", "does not match the path");
        }
        return AppDto.from(reports.reportStatus(id, Reports.status(fields)));
    }

    /** Commands in order, for managers that fetch them: {@code app}, {@code status} (PENDING or SENT), {@code after} (a sequence), {@code limit} (at most 1000). */
    @GET
    @Path("/commands")
    @Requires(role = Role.OPERATOR, scopes = {Scope.INGEST, Scope.OPERATE})
    public CommandsDto commands(@QueryParam("app") String app, @QueryParam("status") String status,
                                @QueryParam("after") String after, @QueryParam("limit") String limit) {
        String s = Params.optional(status);
        Boolean sent = null;
        if (s != null) {
            sent = switch (s.toUpperCase(java.util.Locale.ROOT)) {
                case "SENT" -> true;
                case "PENDING" -> false;
                default -> throw new InvalidFieldException("status", "must be PENDING or SENT");
            };
        }
        String a = Params.name("app", app);
        return new CommandsDto(commands.commands(a == null ? null : Params.id("app", a), sent,
                QueryParameters.integer("after", after, 0, 0, Integer.MAX_VALUE),
                QueryParameters.integer("limit", limit, 100, 1, 1000)).stream().map(CommandDto::from).toList());
    }
}
