package io.quarterdeck.adapters.rest.healthmonitor;

import io.quarterdeck.adapters.rest.spine.Times;
import io.quarterdeck.domain.errors.ErrorGroup;

/** One row of the error list (seed 001 "Get Errors List"), with a few more fields a list needs. */
public record ErrorSummaryDto(String id, String timestamp, String level, String message, String source,
                              String environment, String fingerprint, boolean resolved, boolean regressed, long count,
                              String firstSeen, String lastSeen) {

    public static ErrorSummaryDto from(ErrorGroup g) {
        return new ErrorSummaryDto(g.id().value(), Times.format(g.lastSeen()), g.level().wireName(), g.message(),
                g.source(), g.environment(), g.fingerprint().value(), g.resolved(), g.regressed(), g.count(),
                Times.format(g.firstSeen()), Times.format(g.lastSeen()));
    }
}
