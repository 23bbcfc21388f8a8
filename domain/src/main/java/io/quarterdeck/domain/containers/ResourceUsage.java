package io.quarterdeck.domain.containers;

/**
 * A container's resource usage at one moment, in the seed's units: CPU percent of one CPU (so up to 100 times the
 * online CPUs, as {@code docker stats} shows it), memory in MiB and percent of the limit, network bytes received
 * and sent in MiB since the container started.
 */
public record ResourceUsage(double cpuPercent, double memoryMb, double memoryPercent, double networkRxMb,
                            double networkTxMb) {
    public static final ResourceUsage NONE = new ResourceUsage(0, 0, 0, 0, 0);
    private static final double MIB = 1024.0 * 1024.0;

    public ResourceUsage {
        if (cpuPercent < 0 || memoryMb < 0 || memoryPercent < 0 || networkRxMb < 0 || networkTxMb < 0
                || Double.isNaN(cpuPercent + memoryMb + memoryPercent + networkRxMb + networkTxMb)) {
            throw new IllegalArgumentException("resource usage is never negative or NaN");
        }
    }

    /**
     * Computes usage from one stats sample the way the Docker CLI does ({@code calculateCPUPercentUnix} and
     * {@code calculateMemUsageUnixNoCache}): CPU = (container CPU delta / system CPU delta) x online CPUs x 100,
     * between the sample's {@code precpu} and {@code cpu} readings; memory = usage minus the inactive page cache.
     *
     * @param sample raw counters; a counter the engine did not report is 0
     */
    public static ResourceUsage of(StatsSample sample) {
        double cpu = 0;
        long cpuDelta = sample.cpuTotal() - sample.previousCpuTotal();
        long systemDelta = sample.systemCpu() - sample.previousSystemCpu();
        if (cpuDelta > 0 && systemDelta > 0) {
            int cpus = sample.onlineCpus() > 0 ? sample.onlineCpus() : 1;
            cpu = (double) cpuDelta / systemDelta * cpus * 100.0;
        }
        long used = Math.max(0, sample.memoryUsage() - sample.inactiveFileCache());
        double memPercent = sample.memoryLimit() > 0 ? (double) used / sample.memoryLimit() * 100.0 : 0;
        return new ResourceUsage(round(cpu), round(used / MIB), round(memPercent),
                round(Math.max(0, sample.networkRxBytes()) / MIB), round(Math.max(0, sample.networkTxBytes()) / MIB));
    }

    private static double round(double v) {
        return Math.round(v * 100.0) / 100.0;
    }

    /** The engine's raw counters from one stats answer (nanoseconds of CPU, bytes). */
    public record StatsSample(long cpuTotal, long previousCpuTotal, long systemCpu, long previousSystemCpu,
                              int onlineCpus, long memoryUsage, long inactiveFileCache, long memoryLimit,
                              long networkRxBytes, long networkTxBytes) {
    }
}
