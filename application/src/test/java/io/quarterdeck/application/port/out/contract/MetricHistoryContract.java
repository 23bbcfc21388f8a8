package io.quarterdeck.application.port.out.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarterdeck.application.metrics.MetricsService;
import io.quarterdeck.application.monitoring.SystemMetricsService;
import io.quarterdeck.application.port.in.metrics.MetricSettings;
import io.quarterdeck.application.port.in.monitoring.SystemMetricsUseCase;
import io.quarterdeck.application.port.out.metrics.MetricHistory;
import io.quarterdeck.domain.metrics.HostSample;
import io.quarterdeck.domain.shared.InvalidFieldException;
import io.quarterdeck.domain.shared.NotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every implementation of {@link MetricHistory} must do, and the metrics service's downsampling and bucketing
 * over it (the built-in history on H2 and PostgreSQL).
 */
public abstract class MetricHistoryContract {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    protected abstract MetricHistory history();

    protected abstract void deleteEverything();

    @BeforeEach
    void empty() {
        deleteEverything();
    }

    static HostSample sample(String server, Instant at, double cpu) {
        return new HostSample(server, at, 2, cpu, 8_000, 4_000, 100_000, 25_000, 1_000.5, 500.25, 0.5, 0.4, 0.3);
    }

    @Test
    void samples_read_back_whole_newest_first_and_by_range() {
        for (int i = 0; i < 10; i++) {
            history().append(sample("local", T0.plusSeconds(5L * i), i * 10));
        }
        history().append(sample("other", T0, 1));
        assertEquals(sample("local", T0.plusSeconds(45), 90), history().latest("local").orElseThrow());
        assertEquals(List.of(90.0, 80.0, 70.0), history().newest("local", 3).stream().map(HostSample::cpuPercent)
                .toList());
        List<HostSample> range = history().range("local", T0.plusSeconds(10), T0.plusSeconds(20), 100);
        assertEquals(List.of(20.0, 30.0, 40.0), range.stream().map(HostSample::cpuPercent).toList());
        assertEquals(List.of("local", "other"), history().servers());
        assertTrue(history().latest("nobody").isEmpty());
    }

    @Test
    void raw_samples_older_than_a_day_become_minute_averages_and_old_averages_go() {
        Instant twoDaysAgo = T0.minus(Duration.ofDays(2));
        for (int i = 0; i < 24; i++) { // two minutes of 5-second samples: cpu 0..11 then 12..23
            history().append(sample("local", twoDaysAgo.plusSeconds(5L * i), i));
        }
        history().append(sample("local", T0.minusSeconds(30), 50)); // recent: stays raw
        history().append(sample("local", T0.minus(Duration.ofDays(40)), 7)); // a raw sample older than everything
        Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
        MetricsService service = new MetricsService(at -> sample("local", at, 1), history(),
                MetricSettings.defaults(), clock);
        service.downsample();

        List<HostSample> old = history().range("local", twoDaysAgo.minusSeconds(1), twoDaysAgo.plusSeconds(180), 100);
        assertEquals(2, old.size(), "one average per minute");
        assertEquals(5.5, old.get(0).cpuPercent());
        assertEquals(17.5, old.get(1).cpuPercent());
        assertEquals(twoDaysAgo, old.get(0).at());
        assertEquals(50.0, history().latest("local").orElseThrow().cpuPercent(), "the recent raw sample stays");

        service.downsample(); // the 40-day-old sample became an average the first time; now it expires
        assertTrue(history().range("local", T0.minus(Duration.ofDays(41)), T0.minus(Duration.ofDays(39)), 10)
                .isEmpty());
    }

    @Test
    void history_is_bucketed_per_interval_and_bounded() {
        for (int i = 0; i < 12; i++) {
            history().append(sample("local", T0.plusSeconds(5L * i), i < 6 ? 10 : 30));
        }
        MetricsService service = new MetricsService(at -> sample("local", at, 1), history(),
                MetricSettings.defaults(), Clock.fixed(T0.plusSeconds(60), ZoneOffset.UTC));
        List<HostSample> buckets = service.history("local", T0, T0.plusSeconds(59), Duration.ofSeconds(30));
        assertEquals(List.of(10.0, 30.0), buckets.stream().map(HostSample::cpuPercent).toList());
        assertThrows(InvalidFieldException.class, () -> service.history("local", T0, T0.plus(Duration.ofDays(30)),
                Duration.ofSeconds(5)));
        assertThrows(NotFoundException.class, () -> service.history("elsewhere", T0, T0.plusSeconds(5),
                Duration.ofSeconds(5)));
        assertEquals(30.0, service.latest("local").cpuPercent(), "the stored latest sample, not a new one");
    }

    @Test
    void system_metrics_are_aggregated_by_the_store_over_raw_samples_and_minute_averages() {
        Instant twoDaysAgo = T0.minus(Duration.ofDays(2));
        for (int i = 0; i < 24; i++) { // becomes two minute averages: cpu 5.5 and 17.5
            history().append(sample("local", twoDaysAgo.plusSeconds(5L * i), i));
        }
        for (int i = 1; i <= 4; i++) { // the last 20 s, raw: cpu 10, 20, 30, 40
            history().append(sample("local", T0.minusSeconds(25 - 5L * i), 10 * i));
        }
        history().append(sample("other", T0.minusSeconds(3), 99));
        Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
        new MetricsService(at -> sample("local", at, 1), history(), MetricSettings.defaults(), clock).downsample();
        SystemMetricsService metrics = new SystemMetricsService(history(), MetricSettings.defaults(), clock);

        SystemMetricsUseCase.SystemMetrics hour = metrics.metrics("1h");
        assertEquals(4, hour.samples());
        assertEquals(25.0, hour.cpuPercent());
        assertEquals(50.0, hour.memoryPercent());
        assertEquals(25.0, hour.diskPercent());
        assertEquals(4 * 5 * 1_000.5, hour.bytesIn(), 1, "each raw sample's rate over its 5 s");
        assertEquals(4 * 5 * 500.25, hour.bytesOut(), 1);
        assertEquals(T0.minus(Duration.ofHours(1)), hour.from());

        SystemMetricsUseCase.SystemMetrics week = metrics.metrics("7d");
        assertEquals(6, week.samples());
        assertEquals(20.5, week.cpuPercent(), "(5.5 + 17.5 + 10 + 20 + 30 + 40) / 6");
        assertEquals(2 * 60 * 1_000.5 + 4 * 5 * 1_000.5, week.bytesIn(), 1, "a minute average counts 60 s");
        assertEquals("1h", metrics.metrics(null).timeframe());

        SystemMetricsUseCase.SystemMetrics none = new SystemMetricsService(history(), MetricSettings.defaults(),
                Clock.fixed(T0.plus(Duration.ofDays(3)), ZoneOffset.UTC)).metrics("24h");
        assertEquals(0, none.samples());
        assertNull(none.cpuPercent());
        assertNull(none.bytesIn());
        InvalidFieldException bad = assertThrows(InvalidFieldException.class, () -> metrics.metrics("2w"));
        assertEquals("timeframe", bad.field());
    }
}
