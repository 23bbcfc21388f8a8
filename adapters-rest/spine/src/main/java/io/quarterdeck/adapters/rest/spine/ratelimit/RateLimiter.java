package io.quarterdeck.adapters.rest.spine.ratelimit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.quarterdeck.adapters.rest.spine.RestSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Token buckets (Bucket4j, in memory, per instance) for each limit and key. A bucket holds a minute's allowance
 * and refills continuously, so a client may burst up to its limit and then goes on at the limit's pace. Buckets
 * idle for longer than it takes to refill are forgotten, which loses nothing: a full bucket is a new bucket.
 */
@ApplicationScoped
public class RateLimiter {
    /** The limits, each a number of requests per minute from {@link RestSettings.RateLimits}; 0 turns one off. */
    public enum Limit {
        /** {@code quarterdeck.rate-limit.auth-per-minute}: sign-in and token endpoints, per client address. */
        AUTH_PER_ADDRESS,
        /** {@code quarterdeck.rate-limit.anonymous-per-minute}: requests without valid credentials, per address. */
        ANONYMOUS_PER_ADDRESS,
        /** {@code quarterdeck.rate-limit.caller-per-minute}: authenticated requests, per user, client or API key. */
        PER_CALLER,
        /** {@code quarterdeck.rate-limit.ingest-per-minute}: error ingestion, per API key (or caller). */
        INGEST_PER_CALLER
    }

    /** What a request was told: allowed or not, and the numbers for the RateLimit headers. */
    public record Decision(boolean allowed, long limit, long remaining, long resetSeconds, long retryAfterSeconds) {
    }

    private static final long IDLE_NANOS = Duration.ofMinutes(2).toNanos();
    private static final long SWEEP_EVERY_NANOS = Duration.ofSeconds(30).toNanos();

    private final boolean enabled;
    private final Map<Limit, Long> perMinute;
    private final TimeMeter time;
    private final Map<String, Entry> buckets = new ConcurrentHashMap<>();
    private final AtomicLong nextSweep = new AtomicLong();

    @Inject
    public RateLimiter(RestSettings settings) {
        this(settings.rateLimits(), TimeMeter.SYSTEM_NANOTIME);
    }

    /** The limits on a clock of the caller's choosing (tests advance it by hand). */
    RateLimiter(RestSettings.RateLimits limits, TimeMeter time) {
        this.enabled = limits.enabled();
        this.perMinute = new EnumMap<>(Map.of(Limit.AUTH_PER_ADDRESS, limits.authPerMinute(),
                Limit.ANONYMOUS_PER_ADDRESS, limits.anonymousPerMinute(), Limit.PER_CALLER, limits.callerPerMinute(),
                Limit.INGEST_PER_CALLER, limits.ingestPerMinute()));
        this.time = time;
    }

    /** For CDI proxies only. */
    protected RateLimiter() {
        this.enabled = false;
        this.perMinute = Map.of();
        this.time = TimeMeter.SYSTEM_NANOTIME;
    }

    /** Is the limit in force at all? */
    public boolean applies(Limit limit) {
        return enabled && perMinute.getOrDefault(limit, 0L) > 0;
    }

    /** Takes one request from the key's bucket; null when the limit is off. */
    public Decision acquire(Limit limit, String key) {
        if (!applies(limit)) {
            return null;
        }
        long capacity = perMinute.get(limit);
        ConsumptionProbe probe = bucket(limit, key).tryConsumeAndReturnRemaining(1);
        long reset = seconds(probe.getNanosToWaitForReset());
        if (probe.isConsumed()) {
            return new Decision(true, capacity, probe.getRemainingTokens(), reset, 0);
        }
        return new Decision(false, capacity, 0, reset, Math.max(1, seconds(probe.getNanosToWaitForRefill())));
    }

    /** Counts a request that has already been answered (a failed sign-in by key or token), allowed or not. */
    public void charge(Limit limit, String key) {
        if (applies(limit)) {
            bucket(limit, key).consumeIgnoringRateLimits(1);
        }
    }

    /** Has the key used up its allowance (without taking anything)? Null when it has not or the limit is off. */
    public Decision exhausted(Limit limit, String key) {
        if (!applies(limit)) {
            return null;
        }
        Entry e = buckets.get(limit.ordinal() + ":" + key);
        if (e == null) {
            return null;
        }
        var estimate = e.bucket.estimateAbilityToConsume(1);
        if (estimate.canBeConsumed()) {
            return null;
        }
        long capacity = perMinute.get(limit);
        long wait = Math.max(1, seconds(estimate.getNanosToWaitForRefill()));
        return new Decision(false, capacity, 0, seconds(Duration.ofMinutes(1).toNanos()), wait);
    }

    /** How many buckets are held (for tests and metrics). */
    int size() {
        return buckets.size();
    }

    private Bucket bucket(Limit limit, String key) {
        long now = time.currentTimeNanos();
        sweep(now);
        Entry e = buckets.computeIfAbsent(limit.ordinal() + ":" + key, k -> new Entry(newBucket(perMinute.get(limit))));
        e.lastUsed = now;
        return e.bucket;
    }

    private Bucket newBucket(long capacity) {
        return Bucket.builder()
                .addLimit(l -> l.capacity(capacity).refillGreedy(capacity, Duration.ofMinutes(1)))
                .withCustomTimePrecision(time)
                .build();
    }

    private void sweep(long now) {
        long due = nextSweep.get();
        if (now - due < 0 || !nextSweep.compareAndSet(due, now + SWEEP_EVERY_NANOS)) {
            return;
        }
        buckets.values().removeIf(e -> now - e.lastUsed > IDLE_NANOS);
    }

    private static long seconds(long nanos) {
        return (nanos + 999_999_999L) / 1_000_000_000L;
    }

    private static final class Entry {
        final Bucket bucket;
        volatile long lastUsed;

        Entry(Bucket bucket) {
            this.bucket = bucket;
        }
    }
}
