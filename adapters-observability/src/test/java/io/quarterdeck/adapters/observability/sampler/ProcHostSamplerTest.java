package io.quarterdeck.adapters.observability.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarterdeck.domain.metrics.HostSample;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sampler on this machine's real /proc, and on a /proc of known figures. */
class ProcHostSamplerTest {
    @Test
    void this_host_has_cores_memory_and_a_disk() {
        HostSample s = new ProcHostSampler(Path.of("/proc"), Path.of(".")).sample(Instant.now());
        assertEquals(Runtime.getRuntime().availableProcessors(), s.cpuCores());
        assertTrue(s.memoryTotalBytes() > 100L * 1024 * 1024, s.toString());
        assertTrue(s.memoryUsedBytes() > 0 && s.memoryUsedBytes() < s.memoryTotalBytes(), s.toString());
        assertTrue(s.diskTotalBytes() > 0 && s.diskUsedBytes() > 0, s.toString());
        assertTrue(s.cpuPercent() >= 0 && s.cpuPercent() <= 100, s.toString());
    }

    @Test
    void figures_are_computed_from_the_files(@TempDir Path proc) throws Exception {
        Files.createDirectories(proc.resolve("net"));
        Files.writeString(proc.resolve("stat"), "cpu  100 0 100 800 0 0 0 0 0 0\ncpu0 1 2 3 4\n");
        Files.writeString(proc.resolve("meminfo"), "MemTotal:       1000 kB\nMemFree:  100 kB\nMemAvailable:    250 kB\n");
        Files.writeString(proc.resolve("loadavg"), "0.50 0.25 0.10 1/100 4242\n");
        Files.writeString(proc.resolve("net/dev"), "Inter-|   Receive\n face |bytes\n"
                + "    lo: 999999 1 0 0 0 0 0 0 999999 1 0 0 0 0 0 0\n"
                + "  eth0: 1000 10 0 0 0 0 0 0 500 5 0 0 0 0 0 0\n");
        ProcHostSampler sampler = new ProcHostSampler(proc, proc);
        sampler.sample(Instant.now()); // the first sample measures against itself
        Files.writeString(proc.resolve("stat"), "cpu  200 0 200 1400 200 0 0 0 0 0\n");
        HostSample s = sampler.sample(Instant.now());
        assertEquals(20.0, s.cpuPercent(), "200 busy of 1000 jiffies");
        assertEquals(1000 * 1024, s.memoryTotalBytes());
        assertEquals(750 * 1024, s.memoryUsedBytes());
        assertEquals(75.0, s.memoryPercent());
        assertEquals(0.5, s.load1());
        assertEquals(0.0, s.networkRxBytesPerSecond(), "no bytes since the last sample; loopback ignored");
    }

    @Test
    void a_host_without_proc_cannot_be_sampled(@TempDir Path empty) {
        assertThrows(IllegalStateException.class, () -> new ProcHostSampler(empty, empty).sample(Instant.now()));
    }
}
