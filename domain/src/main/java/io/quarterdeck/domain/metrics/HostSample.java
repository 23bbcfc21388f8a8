package io.quarterdeck.domain.metrics;

import java.time.Instant;
import java.util.Objects;

/**
 * One sample of a host's resources at one instant. Percentages are 0 to 100; network figures are bytes per second
 * received and sent over all interfaces but loopback since the previous sample; load is the 1/5/15-minute average.
 *
 * @param serverId {@code local} for the host Quarterdeck runs on
 */
public record HostSample(String serverId, Instant at, int cpuCores, double cpuPercent, long memoryTotalBytes,
                         long memoryUsedBytes, long diskTotalBytes, long diskUsedBytes, double networkRxBytesPerSecond,
                         double networkTxBytesPerSecond, double load1, double load5, double load15) {
    public static final String LOCAL = "local";

    public HostSample {
        Objects.requireNonNull(serverId, "serverId");
        Objects.requireNonNull(at, "at");
        if (cpuCores < 0 || memoryTotalBytes < 0 || memoryUsedBytes < 0 || diskTotalBytes < 0 || diskUsedBytes < 0) {
            throw new IllegalArgumentException("sizes must not be negative");
        }
        cpuPercent = clampPercent(cpuPercent);
    }

    public double memoryPercent() {
        return memoryTotalBytes == 0 ? 0 : round2(100.0 * memoryUsedBytes / memoryTotalBytes);
    }

    public double diskPercent() {
        return diskTotalBytes == 0 ? 0 : round2(100.0 * diskUsedBytes / diskTotalBytes);
    }

    /** The average of several samples of one server (downsampling), stamped with {@code at}. */
    public static HostSample average(String serverId, Instant at, java.util.List<HostSample> samples) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("nothing to average");
        }
        int n = samples.size();
        double cpu = 0, rx = 0, tx = 0, l1 = 0, l5 = 0, l15 = 0;
        double memTotal = 0, memUsed = 0, diskTotal = 0, diskUsed = 0;
        int cores = 0;
        for (HostSample s : samples) {
            cpu += s.cpuPercent;
            rx += s.networkRxBytesPerSecond;
            tx += s.networkTxBytesPerSecond;
            l1 += s.load1;
            l5 += s.load5;
            l15 += s.load15;
            memTotal += s.memoryTotalBytes;
            memUsed += s.memoryUsedBytes;
            diskTotal += s.diskTotalBytes;
            diskUsed += s.diskUsedBytes;
            cores = Math.max(cores, s.cpuCores);
        }
        return new HostSample(serverId, at, cores, round2(cpu / n), Math.round(memTotal / n), Math.round(memUsed / n),
                Math.round(diskTotal / n), Math.round(diskUsed / n), round2(rx / n), round2(tx / n), round2(l1 / n),
                round2(l5 / n), round2(l15 / n));
    }

    static double clampPercent(double p) {
        if (Double.isNaN(p) || p < 0) {
            return 0;
        }
        return Math.min(100, p);
    }

    static double round2(double v) {
        return Math.round(v * 100.0) / 100.0;
    }
}
