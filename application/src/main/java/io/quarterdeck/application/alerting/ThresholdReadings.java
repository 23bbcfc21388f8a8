package io.quarterdeck.application.alerting;

import io.quarterdeck.application.port.in.metrics.HostMetricsUseCase;
import io.quarterdeck.application.port.out.containers.ContainerEngines;
import io.quarterdeck.domain.alerting.Condition;
import io.quarterdeck.domain.containers.Container;
import io.quarterdeck.domain.containers.ResourceUsage;
import io.quarterdeck.domain.metrics.HostSample;
import io.quarterdeck.domain.shared.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The readings a metric threshold compares, from the real sources: host metrics from the host sample store (issue
 * 15, through {@link HostMetricsUseCase}: the sampler writes {@code local} every few seconds), container metrics live
 * from the local container engine (issue 18's engine port: one stats sample per running container, no history, so
 * a container threshold compares the current reading whatever its duration).
 */
@ApplicationScoped
public class ThresholdReadings {
    /** Points a threshold's duration is cut into at most (bucket averages of the stored samples). */
    static final int MAX_POINTS = 500;
    private static final Duration MIN_BUCKET = Duration.ofSeconds(1);
    /** How long the list of servers with samples is reused (one query per tick, not one per threshold). */
    static final long SERVERS_CACHE_NANOS = Duration.ofSeconds(10).toNanos();
    private final HostMetricsUseCase hosts;
    private final ContainerEngines engines;
    private volatile List<String> servers;
    private volatile long serversUntil;

    /** One reading of a metric for one subject: a server id, or {@code local/<container name>}. */
    public record Reading(String subject, double value, Instant at) {
    }

    @Inject
    public ThresholdReadings(HostMetricsUseCase hosts, ContainerEngines engines) {
        this.hosts = hosts;
        this.engines = engines;
    }

    /** For CDI proxies only. */
    protected ThresholdReadings() {
        this(null, null);
    }

    /**
     * Readings per subject, oldest first: for a zero duration the latest reading only; otherwise the readings over
     * {@code [now - duration, now]} (bucket averages of at most {@link #MAX_POINTS} points).
     */
    public Map<String, List<Reading>> read(Condition.Metric m, Instant now) {
        Map<String, List<Reading>> out = new LinkedHashMap<>();
        if (m.metric().startsWith("container_")) {
            if (m.serverId() != null && !HostSample.LOCAL.equals(m.serverId())) {
                return out;
            }
            for (Container c : engines.local().containers()) {
                if (c.resources() == ResourceUsage.NONE || !c.state().isRunning()) {
                    continue;
                }
                double v = switch (m.metric()) {
                    case "container_cpu_percent" -> c.resources().cpuPercent();
                    case "container_memory_percent" -> c.resources().memoryPercent();
                    default -> Double.NaN;
                };
                if (!Double.isNaN(v)) {
                    out.put(HostSample.LOCAL + "/" + c.name(), List.of(new Reading(HostSample.LOCAL + "/" + c.name(),
                            v, now)));
                }
            }
            return out;
        }
        List<String> servers = m.serverId() != null ? List.of(m.serverId()) : servers();
        for (String server : servers) {
            List<Reading> list = new ArrayList<>();
            try {
                if (m.duration().isZero()) {
                    HostSample s = hosts.latest(server);
                    list.add(new Reading(server, value(m.metric(), s), s.at()));
                } else {
                    Duration bucket = m.duration().dividedBy(MAX_POINTS);
                    if (bucket.compareTo(MIN_BUCKET) < 0) {
                        bucket = MIN_BUCKET;
                    }
                    for (HostSample s : hosts.history(server, now.minus(m.duration()), now, bucket)) {
                        list.add(new Reading(server, value(m.metric(), s), s.at()));
                    }
                }
            } catch (NotFoundException e) {
                continue;
            }
            if (!list.isEmpty()) {
                out.put(server, list);
            }
        }
        return out;
    }

    private List<String> servers() {
        List<String> known = servers;
        if (known == null || System.nanoTime() - serversUntil > 0) {
            known = hosts.servers();
            servers = known;
            serversUntil = System.nanoTime() + SERVERS_CACHE_NANOS;
        }
        return known;
    }

    static double value(String metric, HostSample s) {
        return switch (metric) {
            case "cpu_percent" -> s.cpuPercent();
            case "memory_percent" -> s.memoryPercent();
            case "disk_percent" -> s.diskPercent();
            case "load_1m" -> s.load1();
            case "load_5m" -> s.load5();
            case "load_15m" -> s.load15();
            case "network_rx_bytes_per_second" -> s.networkRxBytesPerSecond();
            case "network_tx_bytes_per_second" -> s.networkTxBytesPerSecond();
            default -> throw new IllegalArgumentException("not a host metric: " + metric);
        };
    }
}
