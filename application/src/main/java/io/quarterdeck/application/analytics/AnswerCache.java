package io.quarterdeck.application.analytics;

import io.quarterdeck.application.port.in.analytics.Cached;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Answers kept for a time to live and only while the data version they were computed at is still current. The
 * version is read before computing, so a write committed while an answer is being computed makes it stale at once.
 * Keys must come from a small fixed set (validated parameters), which bounds the map. Two requests that miss at the
 * same moment both compute (no request waits for another's query).
 */
public final class AnswerCache<K, V> {
    private record Entry<V>(V value, long version, Instant at) {
    }

    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final Duration timeToLive;
    private final Clock clock;

    public AnswerCache(Duration timeToLive, Clock clock) {
        this.timeToLive = timeToLive;
        this.clock = clock;
    }

    public Cached<V> get(K key, long version, Supplier<V> compute) {
        Instant now = clock.instant();
        Entry<V> e = entries.get(key);
        if (e != null && e.version() == version && !now.isBefore(e.at()) && now.isBefore(e.at().plus(timeToLive))) {
            return new Cached<>(e.value(), true, e.at());
        }
        V value = compute.get();
        entries.put(key, new Entry<>(value, version, now));
        return new Cached<>(value, false, now);
    }

    /** Forgets every answer. */
    public void clear() {
        entries.clear();
    }
}
