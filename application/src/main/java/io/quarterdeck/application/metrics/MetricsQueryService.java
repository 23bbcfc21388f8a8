package io.quarterdeck.application.metrics;

import io.quarterdeck.application.port.in.metrics.QueryMetricsUseCase;
import io.quarterdeck.application.port.out.metrics.MetricsQuery;
import io.quarterdeck.application.port.out.metrics.MetricsQuery.QueryResult;
import io.quarterdeck.domain.shared.InvalidFieldException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The query proxy with a cache keyed by query and time range (seed 000): a range that ended more than a minute ago is
 * kept {@link #SETTLED_TTL}, one that reaches the present {@link #LIVE_TTL}; at most {@link #MAX_ENTRIES} answers,
 * least recently used out first. Refusals and failures are not cached.
 */
@ApplicationScoped
public class MetricsQueryService implements QueryMetricsUseCase {
    static final Duration LIVE_TTL = Duration.ofSeconds(10);
    static final Duration SETTLED_TTL = Duration.ofMinutes(5);
    static final int MAX_ENTRIES = 256;
    static final int MAX_QUERY_CHARS = 4_000;

    private final MetricsQuery backend;
    private final Clock clock;
    private final Map<String, Cached> cache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    private record Cached(QueryResult result, Instant expires) {
    }

    @Inject
    public MetricsQueryService(MetricsQuery backend, Clock clock) {
        this.backend = backend;
        this.clock = clock;
    }

    /** For CDI proxies only. */
    protected MetricsQueryService() {
        this(null, null);
    }

    @Override
    public QueryResult query(String promql, Instant start, Instant end, Duration step) {
        if (promql == null || promql.isBlank()) {
            throw new InvalidFieldException("query", "must be a PromQL expression");
        }
        if (promql.length() > MAX_QUERY_CHARS) {
            throw new InvalidFieldException("query", "must be at most " + MAX_QUERY_CHARS + " characters");
        }
        Instant now = clock.instant();
        Instant to = end == null ? now : end;
        if (start != null) {
            if (start.isAfter(to)) {
                throw new InvalidFieldException("start", "must not be after end");
            }
            if (step == null) {
                throw new InvalidFieldException("step", "is required with start");
            }
            long points = Duration.between(start, to).toMillis() / Math.max(1, step.toMillis()) + 1;
            if (points > MAX_POINTS) {
                throw new InvalidFieldException("step", "gives " + points + " points; at most " + MAX_POINTS);
            }
        }
        String key = promql + '\u0000' + start + '\u0000' + (end == null ? "now" : to.toString()) + '\u0000' + step;
        boolean settled = end != null && to.isBefore(now.minusSeconds(60));
        synchronized (cache) {
            Cached hit = cache.get(key);
            if (hit != null && hit.expires().isAfter(now)) {
                return hit.result();
            }
        }
        QueryResult result = start == null ? backend.instant(promql, to) : backend.range(promql, start, to, step);
        if (end != null) { // "now" moves: only explicit ranges are cached
            synchronized (cache) {
                cache.put(key, new Cached(result, now.plus(settled ? SETTLED_TTL : LIVE_TTL)));
            }
        }
        return result;
    }
}
