package io.quarterdeck.application.port.in.errors;

import io.quarterdeck.domain.errors.ErrorReportLimits;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Configuration of error tracking: report bounds, the sensitive context keys, and occurrence retention.
 *
 * @param retention       occurrences older than this are purged
 * @param perGroupCap     the newest this many occurrences of a group are kept
 * @param maxBatch        most occurrences recorded in one transaction by the ingestion writer
 * @param queueCapacity   most ingestion requests waiting for the writer; more are refused with 503
 */
public record ErrorTrackingSettings(ErrorReportLimits limits, List<String> sensitiveKeys, Duration retention,
                                    int perGroupCap, int maxBatch, int queueCapacity) {
    public ErrorTrackingSettings {
        Objects.requireNonNull(limits, "limits");
        sensitiveKeys = List.copyOf(sensitiveKeys);
        if (retention == null || retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("retention must be positive");
        }
        if (perGroupCap < 1 || maxBatch < 1 || queueCapacity < 1) {
            throw new IllegalArgumentException("per-group cap, batch size and queue capacity must be positive");
        }
    }

    public static ErrorTrackingSettings defaults() {
        return new ErrorTrackingSettings(ErrorReportLimits.defaults(),
                io.quarterdeck.domain.errors.SensitiveDataScrubber.DEFAULT_KEYS, Duration.ofDays(30), 1_000, 500, 20_000);
    }
}
