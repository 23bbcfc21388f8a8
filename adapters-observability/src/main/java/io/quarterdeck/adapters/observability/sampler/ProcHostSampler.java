package io.quarterdeck.adapters.observability.sampler;

import io.quarterdeck.adapters.observability.ObservabilitySettings;
import io.quarterdeck.application.port.out.metrics.HostSampler;
import io.quarterdeck.domain.metrics.HostSample;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * The local host from Linux's {@code /proc}: CPU busy share from {@code /proc/stat} between two samples (the first one
 * measures over 200 ms), memory from {@code /proc/meminfo} (used = total - available), load from
 * {@code /proc/loadavg}, network bytes per second from {@code /proc/net/dev} (all interfaces but {@code lo}), and the
 * disk of the data directory's file system. Linux only; elsewhere the sampler reports that it cannot read the host.
 */
@ApplicationScoped
public class ProcHostSampler implements HostSampler {
    private final Path proc;
    private final Path disk;
    private long[] lastCpu;
    private long[] lastNet;
    private long lastNanos;

    @Inject
    public ProcHostSampler(ObservabilitySettings settings) {
        this(settings == null ? Path.of("/proc") : settings.procRoot(),
                settings == null ? Path.of("/") : settings.diskPath());
    }

    public ProcHostSampler(Path proc, Path disk) {
        this.proc = proc;
        this.disk = disk;
    }

    /** For CDI proxies only. */
    protected ProcHostSampler() {
        this(Path.of("/proc"), Path.of("/"));
    }

    @Override
    public synchronized HostSample sample(Instant at) {
        try {
            long now = System.nanoTime();
            long[] cpu = cpu();
            long[] net = net();
            if (lastCpu == null) {
                lastCpu = cpu;
                lastNet = net;
                lastNanos = now;
                Thread.sleep(200);
                now = System.nanoTime();
                cpu = cpu();
                net = net();
            }
            double busy = 0;
            long totalDelta = cpu[0] - lastCpu[0];
            if (totalDelta > 0) {
                busy = 100.0 * (totalDelta - (cpu[1] - lastCpu[1])) / totalDelta;
            }
            double seconds = Math.max(1e-3, (now - lastNanos) / 1e9);
            double rx = Math.max(0, (net[0] - lastNet[0]) / seconds);
            double tx = Math.max(0, (net[1] - lastNet[1]) / seconds);
            lastCpu = cpu;
            lastNet = net;
            lastNanos = now;
            long[] mem = memory();
            double[] load = load();
            var store = Files.getFileStore(existing(disk));
            long diskTotal = store.getTotalSpace();
            long diskUsed = diskTotal - store.getUnallocatedSpace();
            return new HostSample(HostSample.LOCAL, at, Runtime.getRuntime().availableProcessors(), round(busy),
                    mem[0], mem[0] - mem[1], diskTotal, Math.max(0, diskUsed), round(rx), round(tx), load[0], load[1],
                    load[2]);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot read the host's figures from " + proc + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sampling the host", e);
        }
    }

    private static Path existing(Path p) {
        Path q = p.toAbsolutePath();
        while (q != null && !Files.exists(q)) {
            q = q.getParent();
        }
        return q == null ? Path.of("/") : q;
    }

    /** {total jiffies, idle + iowait jiffies} of the aggregate {@code cpu} line. */
    long[] cpu() throws IOException {
        for (String line : Files.readAllLines(proc.resolve("stat"))) {
            if (line.startsWith("cpu ")) {
                String[] f = line.trim().split("\\s+");
                long total = 0;
                // user nice system idle iowait irq softirq steal (guest time is already in user)
                for (int i = 1; i < Math.min(f.length, 9); i++) {
                    total += Long.parseLong(f[i]);
                }
                long idle = Long.parseLong(f[4]) + (f.length > 5 ? Long.parseLong(f[5]) : 0);
                return new long[] {total, idle};
            }
        }
        throw new IOException("no cpu line in " + proc.resolve("stat"));
    }

    /** {total bytes, available bytes}. */
    long[] memory() throws IOException {
        long total = -1;
        long available = -1;
        for (String line : Files.readAllLines(proc.resolve("meminfo"))) {
            if (line.startsWith("MemTotal:")) {
                total = kib(line);
            } else if (line.startsWith("MemAvailable:")) {
                available = kib(line);
            }
        }
        if (total < 0 || available < 0) {
            throw new IOException("MemTotal or MemAvailable missing in " + proc.resolve("meminfo"));
        }
        return new long[] {total, Math.min(total, available)};
    }

    private static long kib(String line) {
        String[] f = line.trim().split("\\s+");
        return Long.parseLong(f[1]) * 1024;
    }

    double[] load() throws IOException {
        String[] f = Files.readString(proc.resolve("loadavg")).trim().split("\\s+");
        return new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2])};
    }

    /** {received bytes, sent bytes} over every interface but loopback. */
    long[] net() throws IOException {
        Path dev = proc.resolve("net/dev");
        if (!Files.exists(dev)) {
            return new long[] {0, 0};
        }
        long rx = 0;
        long tx = 0;
        List<String> lines = Files.readAllLines(dev);
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = line.substring(0, colon).trim();
            if (name.equals("lo")) {
                continue;
            }
            String[] f = line.substring(colon + 1).trim().split("\\s+");
            if (f.length >= 9) {
                rx += Long.parseLong(f[0]);
                tx += Long.parseLong(f[8]);
            }
        }
        return new long[] {rx, tx};
    }

    private static double round(double v) {
        return Math.round(v * 100.0) / 100.0;
    }
}
