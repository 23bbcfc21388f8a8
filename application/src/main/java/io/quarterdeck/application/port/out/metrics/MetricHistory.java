package io.quarterdeck.application.port.out.metrics;

import io.quarterdeck.domain.metrics.HostSample;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Host samples kept over time: raw samples, and one-minute averages that replace them once they are old
 * (downsampling).
 */
public interface MetricHistory {
    void append(HostSample sample);

    Optional<HostSample> latest(String serverId);

    /** The newest samples of a server, newest first. */
    List<HostSample> newest(String serverId, int limit);

    /** Raw samples and minute averages of a server in {@code [from, to]}, oldest first, at most {@code max}. */
    List<HostSample> range(String serverId, Instant from, Instant to, int max);

    /**
     * Aggregates of a server's samples in {@code [from, to]}, computed by the store (nothing is loaded): averages of
     * the percentages, and bytes transferred (each raw sample's rate times {@code rawSampleSeconds}, each minute
     * average's rate times 60).
     */
    HostAggregate aggregate(String serverId, Instant from, Instant to, long rawSampleSeconds);

    /** What {@link #aggregate} computed; the averages are null when {@code samples} is 0. */
    record HostAggregate(long samples, Double cpuPercent, Double memoryPercent, Double diskPercent, Double bytesIn,
                         Double bytesOut) {
    }

    /** Raw samples older than {@code before}, oldest first, at most {@code max}, of every server. */
    List<HostSample> rawBefore(Instant before, int max);

    /** In one transaction: deletes the raw samples older than {@code before} and stores the averages instead. */
    void replaceRawWithAverages(Instant before, List<HostSample> minuteAverages);

    /** Removes minute averages older than the cutoff; returns how many. */
    long deleteAveragesOlderThan(Instant cutoff);

    /** The ids of servers with samples. */
    List<String> servers();
}
