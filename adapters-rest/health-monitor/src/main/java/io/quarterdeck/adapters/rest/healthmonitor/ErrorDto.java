package io.quarterdeck.adapters.rest.healthmonitor;

import io.quarterdeck.adapters.rest.spine.Times;
import io.quarterdeck.domain.errors.ErrorGroup;
import java.util.Map;

/** The full error object of seed 001 section 8 (plus {@code regressed} and {@code grouping_version}). */
public record ErrorDto(String id, String timestamp, String level, String message, String stackTrace,
                       Map<String, Object> context, String source, String environment, String userAgent,
                       String ipAddress, String url, String fingerprint, boolean resolved, boolean regressed,
                       long count, String firstSeen, String lastSeen, String createdAt, String updatedAt,
                       int groupingVersion) {

    public static ErrorDto from(ErrorGroup g) {
        return new ErrorDto(g.id().value(), Times.format(g.lastSeen()), g.level().wireName(), g.message(),
                g.stackTrace(), g.context(), g.source(), g.environment(), g.client().userAgent(),
                g.client().ipAddress(), g.url(), g.fingerprint().value(), g.resolved(), g.regressed(), g.count(),
                Times.format(g.firstSeen()), Times.format(g.lastSeen()), Times.format(g.createdAt()),
                Times.format(g.updatedAt()), g.groupingVersion());
    }
}
