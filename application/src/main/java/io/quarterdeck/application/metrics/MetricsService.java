package io.quarterdeck.application.metrics;

import io.quarterdeck.application.port.in.metrics.FollowMetricsUseCase;
import io.quarterdeck.application.port.in.metrics.HostMetricsUseCase;
import io.quarterdeck.application.port.in.metrics.MetricSettings;
import io.quarterdeck.application.port.in.metrics.SampleHostUseCase;
import io.quarterdeck.application.port.out.containers.ServerRepository;
import io.quarterdeck.application.port.out.metrics.HostSampler;
import io.quarterdeck.application.port.out.metrics.MetricHistory;
import io.quarterdeck.domain.metrics.HostSample;
import io.quarterdeck.domain.shared.InvalidFieldException;
import io.quarterdeck.domain.shared.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Host metrics: the schedule samples the local host every {@link MetricSettings#sampleInterval()} into the history and
 * to live followers; raw samples older than the raw retention become one-minute averages; reads answer the latest
 * sample, bucketed history and the newest samples. {@code local}, registered servers (seed 004; their agents' samples
 * are yet to come) and servers with samples exist; any other id is a 404.
 */
@ApplicationScoped
public class MetricsService implements HostMetricsUseCase, SampleHostUseCase, FollowMetricsUseCase {
    private static final Logger LOG = Logger.getLogger(MetricsService.class.getName());
    static final int DOWNSAMPLE_BATCH = 20_000;

    private final HostSampler sampler;
    private final MetricHistory history;
    private final MetricSettings settings;
    private final Clock clock;
    private final ServerRepository registry;
    private final List<Follower> followers = new CopyOnWriteArrayList<>();

    private record Follower(String serverId, Consumer<HostSample> consumer) {
    }

    @Inject
    public MetricsService(HostSampler sampler, MetricHistory history, MetricSettings settings, Clock clock,
                          ServerRepository servers) {
        this.sampler = sampler;
        this.history = history;
        this.settings = settings;
        this.clock = clock;
        this.registry = servers;
    }

    /** Without registered servers: only {@code local} and servers with stored samples are known (tests). */
    public MetricsService(HostSampler sampler, MetricHistory history, MetricSettings settings, Clock clock) {
        this(sampler, history, settings, clock, null);
    }

    /** For CDI proxies only. */
    protected MetricsService() {
        this(null, null, null, null, null);
    }

    @Override
    public HostSample sampleNow() {
        HostSample s = sampler.sample(clock.instant());
        history.append(s);
        for (Follower f : followers) {
            if (f.serverId().equals(s.serverId())) {
                try {
                    f.consumer().accept(s);
                } catch (RuntimeException e) {
                    LOG.log(Level.FINE, "a metrics follower failed; dropping it", e);
                    followers.remove(f);
                }
            }
        }
        return s;
    }

    @Override
    public HostSample latest(String serverId) {
        Optional<HostSample> stored = history.latest(serverId);
        if (stored.isPresent()) {
            return stored.get();
        }
        if (HostSample.LOCAL.equals(serverId)) {
            return sampleNow();
        }
        if (registered(serverId)) {
            throw new NotFoundException("server", serverId, "No metrics received from this server yet");
        }
        throw new NotFoundException("server", serverId);
    }

    @Override
    public List<HostSample> history(String serverId, Instant from, Instant to, Duration interval) {
        known(serverId);
        if (from.isAfter(to)) {
            throw new InvalidFieldException("from", "must not be after to");
        }
        if (interval.isZero() || interval.isNegative()) {
            throw new InvalidFieldException("interval", "must be positive");
        }
        long buckets = Duration.between(from, to).toMillis() / Math.max(1, interval.toMillis()) + 1;
        if (buckets > MAX_POINTS) {
            throw new InvalidFieldException("interval", "gives " + buckets + " points for this range; at most "
                    + MAX_POINTS + ": choose a longer interval or a shorter range");
        }
        long rowsCap = Math.min(500_000, Math.max(MAX_POINTS, Duration.between(from, to).toSeconds()
                / Math.max(1, settings.sampleInterval().toSeconds()) + 10));
        List<HostSample> rows = history.range(serverId, from, to, (int) rowsCap);
        Map<Long, List<HostSample>> byBucket = new TreeMap<>();
        long step = interval.toMillis();
        long origin = from.toEpochMilli();
        for (HostSample s : rows) {
            long bucket = (s.at().toEpochMilli() - origin) / step;
            byBucket.computeIfAbsent(bucket, b -> new ArrayList<>()).add(s);
        }
        List<HostSample> out = new ArrayList<>(byBucket.size());
        byBucket.forEach((bucket, samples) -> out.add(samples.size() == 1 ? samples.get(0)
                : HostSample.average(serverId, Instant.ofEpochMilli(origin + bucket * step), samples)));
        return out;
    }

    @Override
    public List<HostSample> recent(String serverId, int limit) {
        known(serverId);
        return history.newest(serverId, limit);
    }

    @Override
    public List<String> servers() {
        TreeSet<String> ids = new TreeSet<>(history.servers());
        ids.add(HostSample.LOCAL);
        return List.copyOf(ids);
    }

    /** {@code local}, a registered server (seed 004; its samples may not have arrived yet), or one with samples. */
    private void known(String serverId) {
        if (!HostSample.LOCAL.equals(serverId) && !registered(serverId) && history.latest(serverId).isEmpty()) {
            throw new NotFoundException("server", serverId);
        }
    }

    private boolean registered(String serverId) {
        return registry != null && registry.find(serverId).isPresent();
    }

    @Override
    public long downsample() {
        Instant now = clock.instant();
        Instant before = now.minus(settings.rawRetention()).truncatedTo(ChronoUnit.MINUTES);
        long done = 0;
        List<HostSample> raw = history.rawBefore(before, DOWNSAMPLE_BATCH);
        if (!raw.isEmpty()) {
            Instant upTo = before;
            if (raw.size() == DOWNSAMPLE_BATCH) {
                // Only whole minutes: stop at the minute of the last row read; the rest waits for the next run.
                upTo = raw.get(raw.size() - 1).at().truncatedTo(ChronoUnit.MINUTES);
            }
            Map<String, Map<Instant, List<HostSample>>> groups = new TreeMap<>();
            for (HostSample s : raw) {
                if (s.at().isBefore(upTo)) {
                    groups.computeIfAbsent(s.serverId(), k -> new TreeMap<>())
                            .computeIfAbsent(s.at().truncatedTo(ChronoUnit.MINUTES), k -> new ArrayList<>()).add(s);
                }
            }
            List<HostSample> averages = new ArrayList<>();
            groups.forEach((server, minutes) -> minutes.forEach((minute, samples) ->
                    averages.add(HostSample.average(server, minute, samples))));
            history.replaceRawWithAverages(upTo, averages);
            done += raw.size();
        }
        done += history.deleteAveragesOlderThan(now.minus(settings.averageRetention()));
        return done;
    }

    @Override
    public AutoCloseable follow(String serverId, Consumer<HostSample> consumer) {
        known(serverId);
        Follower f = new Follower(serverId, consumer);
        followers.add(f);
        return () -> followers.remove(f);
    }
}
