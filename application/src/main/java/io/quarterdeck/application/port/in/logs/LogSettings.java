package io.quarterdeck.application.port.in.logs;

import io.quarterdeck.domain.errors.SensitiveDataScrubber;
import java.time.Duration;
import java.util.List;

/**
 * Configuration of logs.
 *
 * @param retention        lines older than this are purged (seed 000: 168 h)
 * @param maxLines         the store keeps at most this many lines, the oldest go first
 * @param scrubKeys        sensitive keys whose values are redacted from lines and labels
 * @param followerBuffer   lines waiting for one live follower before the oldest are dropped
 * @param collectContainers whether the local container engine's log streams are collected
 * @param purgeInterval    how often retention runs
 */
public record LogSettings(Duration retention, long maxLines, List<String> scrubKeys, int followerBuffer,
                          boolean collectContainers, Duration purgeInterval) {
    public LogSettings {
        if (retention == null || retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("quarterdeck.logs.retention-hours must be positive");
        }
        if (maxLines < 1) {
            throw new IllegalArgumentException("quarterdeck.logs.max-lines must be positive");
        }
        if (followerBuffer < 1) {
            throw new IllegalArgumentException("quarterdeck.logs.follower-buffer must be positive");
        }
        scrubKeys = List.copyOf(scrubKeys);
        if (purgeInterval == null || purgeInterval.isNegative() || purgeInterval.isZero()) {
            throw new IllegalArgumentException("quarterdeck.logs.purge-interval-minutes must be positive");
        }
    }

    public static LogSettings defaults() {
        return new LogSettings(Duration.ofHours(168), 10_000_000, SensitiveDataScrubber.DEFAULT_KEYS, 1_000, true,
                Duration.ofMinutes(10));
    }
}
