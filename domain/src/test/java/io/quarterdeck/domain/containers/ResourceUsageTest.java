package io.quarterdeck.domain.containers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** CPU and memory as the Docker CLI's {@code docker stats} computes them. */
class ResourceUsageTest {
    private static final long MIB = 1024 * 1024;

    @Test
    void cpu_is_the_container_delta_over_the_system_delta_times_online_cpus() {
        // 0.5 s of container CPU while the system's counters (all CPUs) advanced 4 s on 2 CPUs: 25% x 2 = 25%
        ResourceUsage u = ResourceUsage.of(new ResourceUsage.StatsSample(1_500_000_000L, 1_000_000_000L,
                14_000_000_000L, 10_000_000_000L, 2, 0, 0, 0, 0, 0));
        assertEquals(25.0, u.cpuPercent());
    }

    @Test
    void no_system_delta_or_a_counter_going_back_is_zero_cpu_not_nan_or_negative() {
        assertEquals(0.0, ResourceUsage.of(new ResourceUsage.StatsSample(5, 1, 10, 10, 4, 0, 0, 0, 0, 0)).cpuPercent());
        assertEquals(0.0, ResourceUsage.of(new ResourceUsage.StatsSample(1, 5, 20, 10, 4, 0, 0, 0, 0, 0)).cpuPercent());
    }

    @Test
    void memory_excludes_the_inactive_page_cache_and_is_a_percentage_of_the_limit() {
        ResourceUsage u = ResourceUsage.of(new ResourceUsage.StatsSample(0, 0, 0, 0, 1, 300 * MIB, 44 * MIB,
                1024 * MIB, 3 * MIB / 2, MIB / 2));
        assertEquals(256.0, u.memoryMb());
        assertEquals(25.0, u.memoryPercent());
        assertEquals(1.5, u.networkRxMb());
        assertEquals(0.5, u.networkTxMb());
    }

    @Test
    void a_missing_online_cpu_count_counts_as_one() {
        ResourceUsage u = ResourceUsage.of(new ResourceUsage.StatsSample(2, 1, 20, 10, 0, 0, 0, 0, 0, 0));
        assertEquals(10.0, u.cpuPercent());
    }
}
