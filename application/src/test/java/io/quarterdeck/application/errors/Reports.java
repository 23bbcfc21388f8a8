package io.quarterdeck.application.errors;

import io.quarterdeck.application.port.in.errors.ErrorTrackingSettings;

import io.quarterdeck.application.port.in.errors.IngestErrorCommand;
import io.quarterdeck.domain.errors.ErrorEvent;
import io.quarterdeck.domain.errors.ErrorEventTestData;
import io.quarterdeck.domain.errors.ErrorReportTestData;
import io.quarterdeck.domain.errors.fingerprint.Fingerprint;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Commands, events and settings for the error service tests. */
final class Reports {
    static final Instant T0 = Instant.parse("2025-01-20T10:30:00Z");

    private Reports() {
    }

    /** A valid command; the stack trace is derived from the message so different messages group apart. */
    static IngestErrorCommand command(String message) {
        return command("error", message, Map.of());
    }

    static IngestErrorCommand command(String level, String message, Map<String, Object> context) {
        return new IngestErrorCommand(level, message, message == null ? null
                : "Error: " + message + "\n    at handler (https://app.example.test/static/app.js:10:5)",
                context, "frontend", "production", "https://app.example.test/checkout", null,
                "Mozilla/5.0", "203.0.113.9");
    }

    static IngestErrorCommand withClientFingerprint(String message, List<String> fingerprint) {
        IngestErrorCommand c = command(message);
        return new IngestErrorCommand(c.level(), c.message(), c.stackTrace(), c.context(), c.source(),
                c.environment(), c.url(), fingerprint, c.userAgent(), c.ipAddress());
    }

    static Fingerprint fingerprint() {
        return ErrorEventTestData.aFingerprint();
    }

    static ErrorEvent event(Fingerprint fp, String message, Instant at) {
        return event(fp, message, Map.of(), at);
    }

    static ErrorEvent event(Fingerprint fp, String message, Map<String, Object> context, Instant at) {
        return ErrorEventTestData.anError().withFingerprint(fp).withMessage(message).withContext(context).at(at)
                .withReport(ErrorReportTestData.aReport().withMessage(message).withStackTrace("Error: " + message)
                        .withContext(context))
                .build();
    }

    static ErrorTrackingSettings settings(int maxBatch, int queueCapacity) {
        ErrorTrackingSettings d = ErrorTrackingSettings.defaults();
        return new ErrorTrackingSettings(d.limits(), d.sensitiveKeys(), d.retention(), d.perGroupCap(), maxBatch,
                queueCapacity);
    }

    static ErrorTrackingSettings retention(Duration retention, int perGroupCap) {
        ErrorTrackingSettings d = ErrorTrackingSettings.defaults();
        return new ErrorTrackingSettings(d.limits(), d.sensitiveKeys(), retention, perGroupCap, d.maxBatch(),
                d.queueCapacity());
    }
}
