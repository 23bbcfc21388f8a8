package io.quarterdeck.application.analytics;

import io.quarterdeck.application.errors.ErrorDataVersion;
import io.quarterdeck.application.port.in.analytics.Cached;
import io.quarterdeck.application.port.in.analytics.ErrorAnalyticsUseCase;
import io.quarterdeck.application.port.out.analytics.ErrorStatistics;
import io.quarterdeck.application.port.out.monitoring.ServiceCheckHistory;
import io.quarterdeck.domain.shared.InvalidFieldException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Statistics and trends from the database's aggregates; weeks start on Monday, days at 00:00 UTC. The cached variants
 * keep an answer for {@link #STATISTICS_TTL} (seed 001: statistics 1 min) while {@link ErrorDataVersion} stays where
 * it was when the answer was computed: an error posted, resolved, deleted or purged on this instance is in the next
 * answer; one written by another instance on the same database within a minute.
 */
@ApplicationScoped
public class AnalyticsService implements ErrorAnalyticsUseCase {
    public static final Duration STATISTICS_TTL = Duration.ofMinutes(1);
    static final Duration PERFORMANCE_WINDOW = Duration.ofHours(24);

    private final ErrorStatistics statistics;
    private final ServiceCheckHistory checks;
    private final ErrorDataVersion version;
    private final Clock clock;
    private final AnswerCache<String, Stats> statsCache;
    private final AnswerCache<String, Trend> trendCache;
    private final AnswerCache<String, Performance> performanceCache;

    @Inject
    public AnalyticsService(ErrorStatistics statistics, ServiceCheckHistory checks, ErrorDataVersion version,
                            Clock clock) {
        this.statistics = statistics;
        this.checks = checks;
        this.version = version;
        this.clock = clock;
        this.statsCache = new AnswerCache<>(STATISTICS_TTL, clock);
        this.trendCache = new AnswerCache<>(STATISTICS_TTL, clock);
        this.performanceCache = new AnswerCache<>(STATISTICS_TTL, clock);
    }

    /** For CDI proxies only. */
    protected AnalyticsService() {
        this(null, null, null, Clock.systemUTC());
    }

    @Override
    public Cached<Stats> cachedStats() {
        return statsCache.get("", version.current(), this::stats);
    }

    @Override
    public Cached<Trend> cachedTrend(String period, String groupBy) {
        // Blank and absent are the same request; anything else invalid throws before it is stored.
        String key = (period == null || period.isBlank() ? "" : period) + "|"
                + (groupBy == null || groupBy.isBlank() ? "" : groupBy);
        return trendCache.get(key, version.current(), () -> trend(period, groupBy));
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Cached<Performance> performance() {
        return performanceCache.get("", version.current(), () -> {
            Instant to = clock.instant();
            Instant from = to.minus(PERFORMANCE_WINDOW);
            long events = statistics.occurrencesBetween(from, to);
            double rpm = Math.round(events * 100.0 / PERFORMANCE_WINDOW.toMinutes()) / 100.0;
            Double latency = checks.averageLatencyMs(from).map(ms -> Math.round(ms * 10) / 10.0).orElse(null);
            return new Performance(latency, null, rpm, checks.uptimePercent("database", from).orElse(null), null,
                    events, from, to);
        });
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Stats stats() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Instant day = today.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant week = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atStartOfDay(ZoneOffset.UTC)
                .toInstant();
        Instant month = today.withDayOfMonth(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        ErrorStatistics.Totals t = statistics.totals(now, day, week, month);
        double rate = Math.round(t.occurrencesLast24h() / 24.0 * 10) / 10.0;
        double resolution = t.totalGroups() == 0 ? 0
                : Math.round(t.resolvedGroups() * 1000.0 / t.totalGroups()) / 10.0;
        return new Stats(t.totalGroups(), t.resolvedGroups(), t.occurrencesSinceDay(), t.occurrencesSinceWeek(),
                t.occurrencesSinceMonth(), rate, resolution, human(Duration.ofSeconds((long) t.avgResolutionSeconds())));
    }

    static String human(Duration d) {
        long h = d.toHours();
        long m = d.toMinutesPart();
        if (h >= 48) {
            return d.toDays() + "d " + d.toHoursPart() + "h";
        }
        return h > 0 ? h + "h " + m + "m" : m + "m";
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Trend trend(String period, String groupBy) {
        String p = period == null || period.isBlank() ? "week" : period;
        Instant now = clock.instant();
        Duration span = switch (p) {
            case "time", "day", "24h" -> Duration.ofHours(24);
            case "week" -> Duration.ofDays(7);
            case "month" -> Duration.ofDays(30);
            case "year" -> Duration.ofDays(365);
            default -> throw new InvalidFieldException("period", "must be time, week, month or year");
        };
        String g = groupBy == null || groupBy.isBlank()
                ? (span.toDays() <= 1 ? "hour" : span.toDays() <= 30 ? "day" : "month") : groupBy;
        long bucket = switch (g) {
            case "hour" -> 3_600;
            case "day", "month" -> 86_400;
            case "week" -> 7 * 86_400;
            default -> throw new InvalidFieldException("group_by", "must be hour, day, week or month");
        };
        if (g.equals("hour") && span.toDays() > 31) {
            throw new InvalidFieldException("group_by", "hour is allowed for periods up to a month");
        }
        Instant to = now;
        Instant from = now.minus(span).truncatedTo(g.equals("hour") ? ChronoUnit.HOURS : ChronoUnit.DAYS);
        List<ErrorStatistics.Bucket> raw = statistics.trend(from, to, bucket);
        List<ErrorStatistics.Bucket> points = new ArrayList<>();
        if (g.equals("week")) {
            // Epoch weeks start on Thursday; re-bucket the days to ISO weeks (Monday).
            raw = statistics.trend(from, to, 86_400);
            points.addAll(regroup(raw, i -> LocalDate.ofInstant(i, ZoneOffset.UTC)
                    .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))));
        } else if (g.equals("month")) {
            points.addAll(regroup(raw, i -> LocalDate.ofInstant(i, ZoneOffset.UTC).withDayOfMonth(1)));
        } else {
            points.addAll(raw);
        }
        return new Trend(p, g, from, to, points);
    }

    private static List<ErrorStatistics.Bucket> regroup(List<ErrorStatistics.Bucket> days,
                                                        java.util.function.Function<Instant, LocalDate> key) {
        Map<LocalDate, long[]> sums = new LinkedHashMap<>();
        for (ErrorStatistics.Bucket b : days) {
            long[] s = sums.computeIfAbsent(key.apply(b.start()), k -> new long[3]);
            s[0] += b.errorCount();
            s[1] += b.resolvedCount();
            s[2] += b.criticalCount();
        }
        List<ErrorStatistics.Bucket> out = new ArrayList<>();
        sums.forEach((d, s) -> out.add(new ErrorStatistics.Bucket(d.atStartOfDay(ZoneOffset.UTC).toInstant(), s[0],
                s[1], s[2])));
        return out;
    }
}
