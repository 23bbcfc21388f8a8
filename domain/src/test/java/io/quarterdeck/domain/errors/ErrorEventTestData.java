package io.quarterdeck.domain.errors;

import io.quarterdeck.domain.errors.fingerprint.Fingerprint;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A valid {@link ErrorEvent} to start from: {@code ErrorEventTestData.anError().withMessage("boom").at(T0).build()}.
 * Its report comes from {@link ErrorReportTestData#aReport()}; each {@code with} returns a new builder.
 */
public final class ErrorEventTestData {
    /** The time events are received at unless a test says otherwise. */
    public static final Instant T0 = Instant.parse("2025-01-20T10:30:00Z");
    /** The client events come from unless a test says otherwise. */
    public static final ClientInfo CLIENT = new ClientInfo("agent/1.0", "10.0.0.7");

    private final ErrorReportTestData report;
    private final ClientInfo client;
    private final Fingerprint fingerprint;
    private final int groupingVersion;
    private final Instant receivedAt;

    private ErrorEventTestData(ErrorReportTestData report, ClientInfo client, Fingerprint fingerprint,
                               int groupingVersion, Instant receivedAt) {
        this.report = report;
        this.client = client;
        this.fingerprint = fingerprint;
        this.groupingVersion = groupingVersion;
        this.receivedAt = receivedAt;
    }

    /** The default report, received at {@link #T0} from {@link #CLIENT}, with a fingerprint of its own. */
    public static ErrorEventTestData anError() {
        return new ErrorEventTestData(ErrorReportTestData.aReport(), CLIENT, aFingerprint(), 1, T0);
    }

    /** A fingerprint no other call returns. */
    public static Fingerprint aFingerprint() {
        return new Fingerprint(UUID.randomUUID().toString().replace("-", ""));
    }

    public ErrorEventTestData withReport(ErrorReportTestData newReport) {
        return new ErrorEventTestData(newReport, client, fingerprint, groupingVersion, receivedAt);
    }

    public ErrorEventTestData withLevel(ErrorLevel level) {
        return withReport(report.withLevel(level));
    }

    public ErrorEventTestData withMessage(String message) {
        return withReport(report.withMessage(message));
    }

    public ErrorEventTestData withContext(Map<String, Object> context) {
        return withReport(report.withContext(context));
    }

    public ErrorEventTestData withSource(String source) {
        return withReport(report.withSource(source));
    }

    public ErrorEventTestData withClient(ClientInfo newClient) {
        return new ErrorEventTestData(report, newClient, fingerprint, groupingVersion, receivedAt);
    }

    public ErrorEventTestData withFingerprint(Fingerprint newFingerprint) {
        return new ErrorEventTestData(report, client, newFingerprint, groupingVersion, receivedAt);
    }

    public ErrorEventTestData at(Instant newReceivedAt) {
        return new ErrorEventTestData(report, client, fingerprint, groupingVersion, newReceivedAt);
    }

    public ErrorEvent build() {
        return new ErrorEvent(report.build(), client, fingerprint, groupingVersion, receivedAt);
    }
}
