package io.quarterdeck.application.port.in.apps;

import io.quarterdeck.application.port.out.apps.FunctionLogRepository;
import io.quarterdeck.application.port.out.apps.PipelineTaskRepository;
import io.quarterdeck.application.port.out.apps.ResultPage;
import io.quarterdeck.application.port.out.apps.RuntimeRepository;
import io.quarterdeck.domain.apps.AppRuntime;
import io.quarterdeck.domain.apps.FunctionLog;
import io.quarterdeck.domain.apps.PipelineTask;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Runtimes, pipeline tasks and function performance, read. Unknown ids are a {@code NotFoundException}. */
public interface MonitorAppsUseCase {
    ResultPage<AppRuntime> runtimes(RuntimeRepository.Query query);

    AppRuntime runtime(String id);

    ResultPage<PipelineTask> tasks(PipelineTaskRepository.Query query);

    PipelineTask task(String id);

    /** Per document type over the last {@code period}: throughput per hour included. */
    List<TypeThroughput> throughput(Duration period);

    List<PipelineTaskRepository.TypeErrors> errors(Duration period, int perType);

    ResultPage<FunctionLog> functions(FunctionLogRepository.Query query);

    List<FunctionLogRepository.FunctionStats> slowest(int n, Instant from, Instant to);

    /** Per function and time bucket of {@code bucket}: task size, solved, failed, calls. */
    List<Trend> trends(String app, String functionName, Instant from, Instant to, Duration bucket);

    record TypeThroughput(PipelineTaskRepository.Throughput counts, double throughputPerHour) {
    }

    record Trend(String functionName, Instant bucketStart, long taskSize, long solved, long failed, long calls,
                 double avgSeconds) {
    }
}
