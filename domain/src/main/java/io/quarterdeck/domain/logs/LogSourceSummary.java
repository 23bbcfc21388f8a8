package io.quarterdeck.domain.logs;

import java.time.Instant;

/**
 * A source the store has lines of (seed 000's log services): its name, when it last wrote, and the level of its
 * latest line.
 */
public record LogSourceSummary(String id, Instant lastSeen, LogLevel lastLevel, long lines) {
}
