package io.quarterdeck.application.apps;

import io.quarterdeck.application.port.in.apps.MonitorAppsUseCase;
import io.quarterdeck.application.port.out.apps.FunctionLogRepository;
import io.quarterdeck.application.port.out.apps.PipelineTaskRepository;
import io.quarterdeck.application.port.out.apps.ResultPage;
import io.quarterdeck.application.port.out.apps.RuntimeRepository;
import io.quarterdeck.domain.apps.AppRuntime;
import io.quarterdeck.domain.apps.FunctionLog;
import io.quarterdeck.domain.apps.PipelineTask;
import io.quarterdeck.domain.shared.InvalidFieldException;
import io.quarterdeck.domain.shared.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads of runtimes, pipeline tasks and function logs, each one transaction. */
@ApplicationScoped
public class MonitoringService implements MonitorAppsUseCase {
    /** Trends are computed from at most this many logs. */
    static final int MAX_TREND_LOGS = 50_000;
    private final RuntimeRepository runtimes;
    private final PipelineTaskRepository tasks;
    private final FunctionLogRepository functions;
    private final Clock clock;

    @Inject
    public MonitoringService(RuntimeRepository runtimes, PipelineTaskRepository tasks, FunctionLogRepository functions,
                             Clock clock) {
        this.runtimes = runtimes;
        this.tasks = tasks;
        this.functions = functions;
        this.clock = clock;
    }

    /** For CDI proxies only. */
    protected MonitoringService() {
        this(null, null, null, null);
    }

    @Override
    @Transactional
    public ResultPage<AppRuntime> runtimes(RuntimeRepository.Query query) {
        return runtimes.search(query);
    }

    @Override
    @Transactional
    public AppRuntime runtime(String id) {
        return runtimes.find(id).orElseThrow(() -> new NotFoundException("runtime", id));
    }

    @Override
    @Transactional
    public ResultPage<PipelineTask> tasks(PipelineTaskRepository.Query query) {
        return tasks.search(query);
    }

    @Override
    @Transactional
    public PipelineTask task(String id) {
        return tasks.find(id).orElseThrow(() -> new NotFoundException("task", id));
    }

    @Override
    @Transactional
    public List<TypeThroughput> throughput(Duration period) {
        Instant now = clock.instant();
        double hours = period.toMillis() / 3_600_000.0;
        return tasks.throughput(now.minus(period), now).stream()
                .map(t -> new TypeThroughput(t, Math.round(t.completed() / hours * 10) / 10.0)).toList();
    }

    @Override
    @Transactional
    public List<PipelineTaskRepository.TypeErrors> errors(Duration period, int perType) {
        Instant now = clock.instant();
        return tasks.errors(now.minus(period), now, perType);
    }

    @Override
    @Transactional
    public ResultPage<FunctionLog> functions(FunctionLogRepository.Query query) {
        return functions.search(query);
    }

    @Override
    @Transactional
    public List<FunctionLogRepository.FunctionStats> slowest(int n, Instant from, Instant to) {
        return functions.slowest(n, from, to);
    }

    @Override
    @Transactional
    public List<Trend> trends(String app, String functionName, Instant from, Instant to, Duration bucket) {
        if (!to.isAfter(from)) {
            throw new InvalidFieldException("to", "must be after from");
        }
        if (Duration.between(from, to).dividedBy(bucket) > 1_000) {
            throw new InvalidFieldException("bucket", "gives more than 1000 buckets for this range");
        }
        Map<String, Map<Instant, long[]>> byFunction = new TreeMap<>();
        Map<String, Map<Instant, double[]>> seconds = new TreeMap<>();
        long bucketMillis = bucket.toMillis();
        for (FunctionLog l : functions.between(app, functionName, from, to, MAX_TREND_LOGS)) {
            long offset = Duration.between(from, l.loggedAt()).toMillis() / bucketMillis * bucketMillis;
            Instant start = from.plusMillis(offset);
            long[] sums = byFunction.computeIfAbsent(l.functionName(), k -> new TreeMap<>())
                    .computeIfAbsent(start, k -> new long[4]);
            sums[0] += l.taskSize();
            sums[1] += l.solved();
            sums[2] += l.failed();
            sums[3]++;
            seconds.computeIfAbsent(l.functionName(), k -> new TreeMap<>())
                    .computeIfAbsent(start, k -> new double[1])[0] += l.durationSeconds();
        }
        List<Trend> out = new ArrayList<>();
        byFunction.forEach((fn, buckets) -> buckets.forEach((start, s) -> out.add(new Trend(fn, start, s[0], s[1],
                s[2], s[3], seconds.get(fn).get(start)[0] / s[3]))));
        return out;
    }
}
