package io.quarterdeck.adapters.rest.apiv1.metrics;

import io.quarterdeck.adapters.rest.spine.Times;
import io.quarterdeck.domain.metrics.HostSample;

/** One sample of a server's resources (bytes, percentages 0-100, network in bytes per second). */
public record HostSampleDto(String serverId, String timestamp, int cpuCores, double cpuPercent, double memoryPercent,
                            long memoryTotalBytes, long memoryUsedBytes, double diskPercent, long diskTotalBytes,
                            long diskUsedBytes, double networkRxBytesPerSec, double networkTxBytesPerSec,
                            double load1, double load5, double load15) {
    public static HostSampleDto from(HostSample s) {
        return new HostSampleDto(s.serverId(), Times.format(s.at()), s.cpuCores(), s.cpuPercent(), s.memoryPercent(),
                s.memoryTotalBytes(), s.memoryUsedBytes(), s.diskPercent(), s.diskTotalBytes(), s.diskUsedBytes(),
                s.networkRxBytesPerSecond(), s.networkTxBytesPerSecond(), s.load1(), s.load5(), s.load15());
    }
}
