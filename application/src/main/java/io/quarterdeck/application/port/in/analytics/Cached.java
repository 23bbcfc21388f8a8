package io.quarterdeck.application.port.in.analytics;

import java.time.Instant;

/**
 * An answer that may come from a short-lived cache (seed 001's caching strategy).
 *
 * @param fromCache  whether this answer was computed by an earlier request
 * @param computedAt when it was computed
 */
public record Cached<T>(T value, boolean fromCache, Instant computedAt) {
}
