package io.quarterdeck.adapters.rest.apiv1.apps;

import io.quarterdeck.adapters.rest.spine.Times;
import io.quarterdeck.application.port.in.apps.AppDetails;
import io.quarterdeck.application.port.in.apps.CommandAppsUseCase;
import io.quarterdeck.application.port.in.apps.MonitorAppsUseCase;
import io.quarterdeck.application.port.out.apps.FunctionLogRepository;
import io.quarterdeck.application.port.out.apps.PipelineTaskRepository;
import io.quarterdeck.domain.apps.App;
import io.quarterdeck.domain.apps.AppRuntime;
import io.quarterdeck.domain.apps.Command;
import io.quarterdeck.domain.apps.FunctionLog;
import io.quarterdeck.domain.apps.PipelineTask;
import java.util.List;
import java.util.Map;

/** The seed's JSON for apps, runtimes, tasks, function logs and commands (snake_case through JSON-B). */
public final class AppsDtos {
    private AppsDtos() {
    }

    /** Progress as numbers and as the dashboard's {@code 986/3000}. */
    public record ProgressDto(long current, long total, String display) {
        static ProgressDto from(App.Progress p) {
            return new ProgressDto(p.current(), p.total(), p.current() + "/" + p.total());
        }
    }

    public record LastRuntimeDto(String runtime, String started, String ended, String status) {
        static LastRuntimeDto from(AppRuntime r) {
            return r == null ? null : new LastRuntimeDto(r.runtime(), Times.format(r.started()),
                    Times.format(r.ended()), r.status().name());
        }
    }

    public record AppDto(String id, String app, String group, String parent, String runStatus, String commandFlag,
                         String fatalFlag, boolean disabled, String nextRun, String schedule,
                         Map<String, Object> settings, ProgressDto progress, Long etaSeconds,
                         LastRuntimeDto lastRuntime, String updatedAt) {
        static AppDto from(AppDetails d) {
            App a = d.app();
            return new AppDto(a.app(), a.app(), a.group(), a.parent(), a.runStatus().name(), a.commandFlag().name(),
                    a.fatalFlag().name(), a.disabled(), Times.format(a.nextRun()), a.schedule(), a.settings(),
                    ProgressDto.from(a.progress()), d.eta() == null ? null : d.eta().toSeconds(),
                    LastRuntimeDto.from(d.lastRuntime()), Times.format(a.updatedAt()));
        }
    }

    public record AppPageDto(List<AppDto> items, long total, int page, int perPage) {
    }

    public record RuntimeDto(String runtime, String app, String started, String ended, String status,
                             Double durationSeconds, long recordsTotal, long recordsSolved, long recordsFailed) {
        static RuntimeDto from(AppRuntime r) {
            return new RuntimeDto(r.runtime(), r.app(), Times.format(r.started()), Times.format(r.ended()),
                    r.status().name(), r.ended() == null ? null
                            : java.time.Duration.between(r.started(), r.ended()).toMillis() / 1000.0,
                    r.recordsTotal(), r.recordsSolved(), r.recordsFailed());
        }
    }

    public record RuntimePageDto(List<RuntimeDto> items, long total, int page, int perPage) {
    }

    public record TaskDto(String taskId, String documentType, String stage, String status, List<String> errors,
                          int retryCount, String createdAt, String startedAt, String finishedAt,
                          Double durationSeconds, String updatedAt) {
        static TaskDto from(PipelineTask t) {
            return new TaskDto(t.taskId(), t.documentType(), t.stage(), t.status().name(), t.errors(), t.retryCount(),
                    Times.format(t.createdAt()), Times.format(t.startedAt()), Times.format(t.finishedAt()),
                    t.duration() == null ? null : t.duration().toMillis() / 1000.0, Times.format(t.updatedAt()));
        }
    }

    public record TaskPageDto(List<TaskDto> items, long total, int page, int perPage) {
    }

    public record PipelineThroughputDto(String documentType, long totalTasks, long completed, long failed,
                                        Double avgDurationSeconds, double throughputPerHour) {
        static PipelineThroughputDto from(MonitorAppsUseCase.TypeThroughput t) {
            var c = t.counts();
            return new PipelineThroughputDto(c.documentType(), c.totalTasks(), c.completed(), c.failed(),
                    c.avgDurationSeconds(), t.throughputPerHour());
        }
    }

    public record ThroughputDto(String period, List<PipelineThroughputDto> pipelines) {
    }

    public record TypeErrorsDto(String documentType, long failedTasks, List<TaskDto> recent) {
        static TypeErrorsDto from(PipelineTaskRepository.TypeErrors e) {
            return new TypeErrorsDto(e.documentType(), e.failedTasks(), e.recent().stream().map(TaskDto::from).toList());
        }
    }

    public record PipelineErrorsDto(String period, List<TypeErrorsDto> items) {
    }

    public record FunctionLogDto(String id, String appId, String functionName, String runtime, long taskSize,
                                 long solved, long failed, double durationSeconds, String loggedAt) {
        static FunctionLogDto from(FunctionLog l) {
            return new FunctionLogDto(l.id(), l.app(), l.functionName(), l.runtime(), l.taskSize(), l.solved(),
                    l.failed(), l.durationSeconds(), Times.format(l.loggedAt()));
        }
    }

    public record FunctionPageDto(List<FunctionLogDto> items, long total, int page, int perPage) {
    }

    public record FunctionStatsDto(String functionName, String appId, double avgRuntimeSeconds,
                                   double maxRuntimeSeconds, double avgTaskSize, long totalCalls) {
        static FunctionStatsDto from(FunctionLogRepository.FunctionStats s) {
            return new FunctionStatsDto(s.functionName(), s.app(), s.avgSeconds(), s.maxSeconds(), s.avgTaskSize(),
                    s.totalCalls());
        }
    }

    public record SlowestDto(List<FunctionStatsDto> items) {
    }

    public record TrendDto(String functionName, String bucketStart, long taskSize, long solved, long failed,
                           long calls, double avgRuntimeSeconds) {
        static TrendDto from(MonitorAppsUseCase.Trend t) {
            return new TrendDto(t.functionName(), Times.format(t.bucketStart()), t.taskSize(), t.solved(), t.failed(),
                    t.calls(), Math.round(t.avgSeconds() * 10) / 10.0);
        }
    }

    public record TrendsDto(String from, String to, String bucket, List<TrendDto> items) {
    }

    public record CommandDto(String id, long sequence, String app, String group, String command, String actor,
                             String issuedAt, String status, String sentAt, String routingKey) {
        static CommandDto from(Command c) {
            return new CommandDto(c.id(), c.sequence(), c.app(), c.group(), c.type().name(), c.actor(),
                    Times.format(c.issuedAt()), c.sent() ? "SENT" : "PENDING", Times.format(c.sentAt()),
                    c.routingKey());
        }
    }

    public record CommandsDto(List<CommandDto> items) {
    }

    public record RefusalDto(String app, String reason) {
    }

    public record BulkDto(String command, int matched, List<CommandDto> sent, List<RefusalDto> refused) {
        static BulkDto from(CommandAppsUseCase.BulkOutcome o) {
            return new BulkDto(o.command().name(), o.sent().size() + o.refused().size(),
                    o.sent().stream().map(CommandDto::from).toList(),
                    o.refused().stream().map(r -> new RefusalDto(r.app(), r.reason())).toList());
        }
    }

    public record FunctionReportDto(String id, boolean stored) {
    }
}
