package io.quarterdeck.adapters.rest.apiv1.logs;

import io.quarterdeck.adapters.rest.spine.Times;
import io.quarterdeck.domain.logs.LogSourceSummary;
import java.time.Duration;
import java.time.Instant;

/**
 * Seed 000's log service: {@code status} is {@code running} when the source wrote within the last five minutes,
 * else {@code idle}; {@code log_level} is the level of its latest line.
 */
public record LogServiceDto(String id, String name, String status, String logLevel, String lastSeen, long lines) {
    static final Duration ACTIVE = Duration.ofMinutes(5);

    public static LogServiceDto from(LogSourceSummary s, Instant now) {
        return new LogServiceDto(s.id(), s.id(), s.lastSeen().isAfter(now.minus(ACTIVE)) ? "running" : "idle",
                s.lastLevel().wireName(), Times.format(s.lastSeen()), s.lines());
    }
}
