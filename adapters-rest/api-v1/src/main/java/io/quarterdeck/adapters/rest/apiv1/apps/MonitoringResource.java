package io.quarterdeck.adapters.rest.apiv1.apps;

import io.quarterdeck.adapters.rest.apiv1.apps.AppsDtos.FunctionLogDto;
import io.quarterdeck.adapters.rest.apiv1.apps.AppsDtos.FunctionPageDto;
import io.quarterdeck.adapters.rest.apiv1.apps.AppsDtos.FunctionReportDto;
import io.quarterdeck.adapters.rest.apiv1.apps.AppsDtos.FunctionStatsDto;
import io.quarterdeck.adapters.rest.apiv1.apps.AppsDtos.PipelineErrorsDto;
import io.quarterdeck.adapters.rest.apiv1.apps.AppsDtos.PipelineThroughputDto;
import io.quarterdeck.adapters.rest.apiv1.apps.AppsDtos.RuntimeDto;
import io.quarterdeck.adapters.rest.apiv1.apps.AppsDtos.RuntimePageDto;
import io.quarterdeck.adapters.rest.apiv1.apps.AppsDtos.SlowestDto;
import io.quarterdeck.adapters.rest.apiv1.apps.AppsDtos.TaskDto;
import io.quarterdeck.adapters.rest.apiv1.apps.AppsDtos.TaskPageDto;
import io.quarterdeck.adapters.rest.apiv1.apps.AppsDtos.ThroughputDto;
import io.quarterdeck.adapters.rest.apiv1.apps.AppsDtos.TrendDto;
import io.quarterdeck.adapters.rest.apiv1.apps.AppsDtos.TrendsDto;
import io.quarterdeck.adapters.rest.apiv1.apps.AppsDtos.TypeErrorsDto;
import io.quarterdeck.adapters.rest.spine.JsonFields;
import io.quarterdeck.adapters.rest.spine.QueryParameters;
import io.quarterdeck.adapters.rest.spine.Times;
import io.quarterdeck.adapters.rest.spine.security.Audited;
import io.quarterdeck.adapters.rest.spine.security.Requires;
import io.quarterdeck.application.port.in.apps.MonitorAppsUseCase;
import io.quarterdeck.application.port.in.apps.QueryAppsUseCase;
import io.quarterdeck.application.port.in.apps.ReportUseCase;
import io.quarterdeck.application.port.in.apps.Reports;
import io.quarterdeck.application.port.out.apps.FunctionLogRepository;
import io.quarterdeck.application.port.out.apps.PipelineTaskRepository;
import io.quarterdeck.application.port.out.apps.RuntimeRepository;
import io.quarterdeck.domain.apps.RuntimeStatus;
import io.quarterdeck.domain.apps.TaskStatus;
import io.quarterdeck.domain.identity.Role;
import io.quarterdeck.domain.identity.Scope;
import io.quarterdeck.domain.shared.InvalidFieldException;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/** Seed 003's runtimes, pipelines and function performance: reads for viewers, intake for managers ({@code ingest}). */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class MonitoringResource {
    private static final int MAX_PER_PAGE = 100;
    private final MonitorAppsUseCase monitor;
    private final ReportUseCase reports;
    private final QueryAppsUseCase apps;
    private final Clock clock;

    @Inject
    public MonitoringResource(MonitorAppsUseCase monitor, ReportUseCase reports, QueryAppsUseCase apps, Clock clock) {
        this.monitor = monitor;
        this.reports = reports;
        this.apps = apps;
        this.clock = clock;
    }

    /** Newest first: {@code app}, {@code status}, {@code from}, {@code to} (by start), {@code page}, {@code per_page}. */
    @GET
    @Path("/runtimes")
    @Requires(role = Role.VIEWER, scopes = {Scope.READ})
    public RuntimePageDto runtimes(@QueryParam("app") String app, @QueryParam("status") String status,
                                   @QueryParam("from") String from, @QueryParam("to") String to,
                                   @QueryParam("page") String page, @QueryParam("per_page") String perPage) {
        String s = Params.optional(status);
        var q = new RuntimeRepository.Query(Params.name("app", app),
                s == null ? null : RuntimeStatus.parse("status", s), QueryParameters.instant("from", from),
                QueryParameters.instant("to", to), QueryParameters.integer("page", page, 1, 1, 1_000_000),
                QueryParameters.integer("per_page", perPage, 20, 1, MAX_PER_PAGE));
        var r = monitor.runtimes(q);
        return new RuntimePageDto(r.items().stream().map(RuntimeDto::from).toList(), r.total(), r.page(), r.perPage());
    }

    @GET
    @Path("/runtimes/{runtime_id}")
    @Requires(role = Role.VIEWER, scopes = {Scope.READ})
    public RuntimeDto runtime(@PathParam("runtime_id") String id) {
        return RuntimeDto.from(monitor.runtime(Params.id("runtime_id", id)));
    }

    /** A manager reports a runtime (started, or finished); the same runtime id replaces the earlier report. */
    @POST
    @Path("/runtimes")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(role = Role.ADMIN, scopes = {Scope.INGEST})
    @Audited("runtime.report")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT, requiredProperties = {"runtime", "app", "started", "status"},
                properties = {
                    @SchemaProperty(name = "runtime", type = SchemaType.STRING),
                    @SchemaProperty(name = "app", type = SchemaType.STRING),
                    @SchemaProperty(name = "started", type = SchemaType.STRING, format = "date-time"),
                    @SchemaProperty(name = "ended", type = SchemaType.STRING, format = "date-time"),
                    @SchemaProperty(name = "status", type = SchemaType.STRING),
                    @SchemaProperty(name = "records_total", type = SchemaType.INTEGER),
                    @SchemaProperty(name = "records_solved", type = SchemaType.INTEGER),
                    @SchemaProperty(name = "records_failed", type = SchemaType.INTEGER)})))
    public RuntimeDto reportRuntime(JsonValue body) {
        return RuntimeDto.from(reports.reportRuntime(Reports.runtime(JsonMaps.of(JsonFields.object(body)))));
    }

    /** Most recently updated first: {@code document_type}, {@code status}, {@code stage}, {@code page}, {@code per_page}. */
    @GET
    @Path("/pipelines/tasks")
    @Requires(role = Role.VIEWER, scopes = {Scope.READ})
    public TaskPageDto tasks(@QueryParam("document_type") String documentType, @QueryParam("status") String status,
                             @QueryParam("stage") String stage, @QueryParam("page") String page,
                             @QueryParam("per_page") String perPage) {
        String s = Params.optional(status);
        var q = new PipelineTaskRepository.Query(Params.name("document_type", documentType),
                s == null ? null : TaskStatus.parse("status", s), Params.name("stage", stage),
                QueryParameters.integer("page", page, 1, 1, 1_000_000),
                QueryParameters.integer("per_page", perPage, 20, 1, MAX_PER_PAGE));
        var r = monitor.tasks(q);
        return new TaskPageDto(r.items().stream().map(TaskDto::from).toList(), r.total(), r.page(), r.perPage());
    }

    @GET
    @Path("/pipelines/tasks/{task_id}")
    @Requires(role = Role.VIEWER, scopes = {Scope.READ})
    public TaskDto task(@PathParam("task_id") String id) {
        return TaskDto.from(monitor.task(Params.id("task_id", id)));
    }

    /** A manager reports a pipeline task; the same task id replaces the earlier report. */
    @POST
    @Path("/pipelines/tasks")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(role = Role.ADMIN, scopes = {Scope.INGEST})
    @Audited("pipeline_task.report")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT, requiredProperties = {"task_id", "document_type", "stage",
                "status"}, properties = {
                    @SchemaProperty(name = "task_id", type = SchemaType.STRING),
                    @SchemaProperty(name = "document_type", type = SchemaType.STRING),
                    @SchemaProperty(name = "stage", type = SchemaType.STRING),
                    @SchemaProperty(name = "status", type = SchemaType.STRING),
                    @SchemaProperty(name = "errors", type = SchemaType.ARRAY, implementation = String.class),
                    @SchemaProperty(name = "retry_count", type = SchemaType.INTEGER),
                    @SchemaProperty(name = "created_at", type = SchemaType.STRING, format = "date-time"),
                    @SchemaProperty(name = "started_at", type = SchemaType.STRING, format = "date-time"),
                    @SchemaProperty(name = "finished_at", type = SchemaType.STRING, format = "date-time"),
                    @SchemaProperty(name = "updated_at", type = SchemaType.STRING, format = "date-time")})))
    public TaskDto reportTask(JsonValue body) {
        return TaskDto.from(reports.reportTask(Reports.task(JsonMaps.of(JsonFields.object(body)), clock.instant())));
    }

    /** Per document type over {@code period} (default {@code last_24h}; {@code 30m}, {@code 7d}, ... up to 90 days). */
    @GET
    @Path("/pipelines/throughput")
    @Requires(role = Role.VIEWER, scopes = {Scope.READ})
    public ThroughputDto throughput(@QueryParam("period") String period) {
        Duration p = Params.period("period", period, Duration.ofHours(24));
        return new ThroughputDto(Params.label(p), monitor.throughput(p).stream().map(PipelineThroughputDto::from)
                .toList());
    }

    /** Failed tasks of {@code period} grouped by document type, each with its newest {@code limit} (at most 50). */
    @GET
    @Path("/pipelines/errors")
    @Requires(role = Role.VIEWER, scopes = {Scope.READ})
    public PipelineErrorsDto errors(@QueryParam("period") String period, @QueryParam("limit") String limit) {
        Duration p = Params.period("period", period, Duration.ofHours(24));
        return new PipelineErrorsDto(Params.label(p), monitor.errors(p, QueryParameters.integer("limit", limit, 5, 1,
                50)).stream().map(TypeErrorsDto::from).toList());
    }

    /** Newest first: {@code app}, {@code function_name}, {@code from}, {@code to}, {@code page}, {@code per_page}. */
    @GET
    @Path("/performance/functions")
    @Requires(role = Role.VIEWER, scopes = {Scope.READ})
    public FunctionPageDto functions(@QueryParam("app") String app, @QueryParam("function_name") String fn,
                                     @QueryParam("from") String from, @QueryParam("to") String to,
                                     @QueryParam("page") String page, @QueryParam("per_page") String perPage) {
        return functionPage(Params.name("app", app), fn, from, to, page, perPage);
    }

    private FunctionPageDto functionPage(String app, String fn, String from, String to, String page, String perPage) {
        var q = new FunctionLogRepository.Query(app, Params.name("function_name", fn),
                QueryParameters.instant("from", from), QueryParameters.instant("to", to),
                QueryParameters.integer("page", page, 1, 1, 1_000_000),
                QueryParameters.integer("per_page", perPage, 20, 1, MAX_PER_PAGE));
        var r = monitor.functions(q);
        return new FunctionPageDto(r.items().stream().map(FunctionLogDto::from).toList(), r.total(), r.page(),
                r.perPage());
    }

    /** The {@code n} (default 10, at most 100) slowest functions by average duration, optionally in [from, to). */
    @GET
    @Path("/performance/functions/slowest")
    @Requires(role = Role.VIEWER, scopes = {Scope.READ})
    public SlowestDto slowest(@QueryParam("n") String n, @QueryParam("from") String from, @QueryParam("to") String to) {
        return new SlowestDto(monitor.slowest(QueryParameters.integer("n", n, 10, 1, 100),
                QueryParameters.instant("from", from), QueryParameters.instant("to", to)).stream()
                .map(FunctionStatsDto::from).toList());
    }

    /** Task size, solved, failed and calls per function and {@code bucket} (default 1h) in [from, to) (default the last 24 h). */
    @GET
    @Path("/performance/functions/trends")
    @Requires(role = Role.VIEWER, scopes = {Scope.READ})
    public TrendsDto trends(@QueryParam("app") String app, @QueryParam("function_name") String fn,
                            @QueryParam("from") String from, @QueryParam("to") String to,
                            @QueryParam("bucket") String bucket) {
        Instant end = QueryParameters.instant("to", to);
        end = end == null ? clock.instant() : end;
        Instant start = QueryParameters.instant("from", from);
        start = start == null ? end.minus(Duration.ofHours(24)) : start;
        if (!end.isAfter(start)) {
            throw new InvalidFieldException("to", "must be after from");
        }
        Duration b = Params.period("bucket", bucket, Duration.ofHours(1));
        return new TrendsDto(Times.format(start), Times.format(end), Params.label(b).substring("last_".length()),
                monitor.trends(Params.name("app", app), Params.name("function_name", fn), start, end, b).stream()
                        .map(TrendDto::from).toList());
    }

    /** One app's function history (404 for an unknown app). */
    @GET
    @Path("/performance/functions/{app_id}")
    @Requires(role = Role.VIEWER, scopes = {Scope.READ})
    public FunctionPageDto functionsOf(@PathParam("app_id") String appId, @QueryParam("function_name") String fn,
                                       @QueryParam("from") String from, @QueryParam("to") String to,
                                       @QueryParam("page") String page, @QueryParam("per_page") String perPage) {
        String id = Params.id("app_id", appId);
        apps.get(id);
        return functionPage(id, fn, from, to, page, perPage);
    }

    /** A manager reports a function call; a log whose {@code id} is stored already is not stored again. */
    @POST
    @Path("/performance/functions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(role = Role.ADMIN, scopes = {Scope.INGEST})
    @Audited("function_log.report")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT, requiredProperties = {"id", "app", "function_name",
                "duration_seconds", "logged_at"}, properties = {
                    @SchemaProperty(name = "id", type = SchemaType.STRING),
                    @SchemaProperty(name = "app", type = SchemaType.STRING),
                    @SchemaProperty(name = "function_name", type = SchemaType.STRING),
                    @SchemaProperty(name = "runtime", type = SchemaType.STRING),
                    @SchemaProperty(name = "task_size", type = SchemaType.INTEGER),
                    @SchemaProperty(name = "solved", type = SchemaType.INTEGER),
                    @SchemaProperty(name = "failed", type = SchemaType.INTEGER),
                    @SchemaProperty(name = "duration_seconds", type = SchemaType.NUMBER),
                    @SchemaProperty(name = "logged_at", type = SchemaType.STRING, format = "date-time")})))
    public FunctionReportDto reportFunction(JsonValue body) {
        var log = Reports.function(JsonMaps.of(JsonFields.object(body)));
        return new FunctionReportDto(log.id(), reports.reportFunction(log));
    }
}
