package io.quarterdeck.domain.errors;

import java.util.List;
import java.util.Map;

/**
 * A valid {@link ErrorReport} to start from, changed only where a test cares:
 * {@code ErrorReportTestData.aReport().withMessage("boom").build()}. Each {@code with} returns a new builder, so a
 * builder kept in a field is never changed by a test that derives from it.
 */
public final class ErrorReportTestData {
    private final ErrorLevel level;
    private final String message;
    private final String stackTrace;
    private final Map<String, Object> context;
    private final String source;
    private final String environment;
    private final String url;
    private final List<String> clientFingerprint;

    private ErrorReportTestData(ErrorLevel level, String message, String stackTrace, Map<String, Object> context,
                                String source, String environment, String url, List<String> clientFingerprint) {
        this.level = level;
        this.message = message;
        this.stackTrace = stackTrace;
        this.context = context;
        this.source = source;
        this.environment = environment;
        this.url = url;
        this.clientFingerprint = clientFingerprint;
    }

    /** An error "Payment failed" from the backend in production, with a one-frame trace and no context. */
    public static ErrorReportTestData aReport() {
        return new ErrorReportTestData(ErrorLevel.ERROR, "Payment failed",
                "Error: Payment failed\n    at f (app.js:1:1)", Map.of(), "backend", "production",
                "https://example.test/p", List.of());
    }

    public ErrorReportTestData withLevel(ErrorLevel newLevel) {
        return new ErrorReportTestData(newLevel, message, stackTrace, context, source, environment, url,
                clientFingerprint);
    }

    public ErrorReportTestData withMessage(String newMessage) {
        return new ErrorReportTestData(level, newMessage, stackTrace, context, source, environment, url,
                clientFingerprint);
    }

    public ErrorReportTestData withStackTrace(String newStackTrace) {
        return new ErrorReportTestData(level, message, newStackTrace, context, source, environment, url,
                clientFingerprint);
    }

    public ErrorReportTestData withContext(Map<String, Object> newContext) {
        return new ErrorReportTestData(level, message, stackTrace, newContext, source, environment, url,
                clientFingerprint);
    }

    public ErrorReportTestData withSource(String newSource) {
        return new ErrorReportTestData(level, message, stackTrace, context, newSource, environment, url,
                clientFingerprint);
    }

    public ErrorReportTestData withEnvironment(String newEnvironment) {
        return new ErrorReportTestData(level, message, stackTrace, context, source, newEnvironment, url,
                clientFingerprint);
    }

    public ErrorReportTestData withUrl(String newUrl) {
        return new ErrorReportTestData(level, message, stackTrace, context, source, environment, newUrl,
                clientFingerprint);
    }

    public ErrorReportTestData withClientFingerprint(List<String> newClientFingerprint) {
        return new ErrorReportTestData(level, message, stackTrace, context, source, environment, url,
                newClientFingerprint);
    }

    public ErrorReport build() {
        return new ErrorReport(level, message, stackTrace, context, source, environment, url, clientFingerprint);
    }
}
