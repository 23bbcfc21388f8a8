package io.quarterdeck.domain.errors;

import io.quarterdeck.domain.shared.FieldTooLargeException;
import io.quarterdeck.domain.shared.InvalidFieldException;
import io.quarterdeck.domain.shared.JsonValues;
import java.util.List;
import java.util.Map;

/**
 * What a client reports about one error, validated against {@link ErrorReportLimits}. Nothing here is filled
 * by the server yet: see {@link ErrorEvent}.
 */
public record ErrorReport(ErrorLevel level, String message, String stackTrace, Map<String, Object> context,
                          String source, String environment, String url, List<String> clientFingerprint) {

    public ErrorReport {
        if (level == null) {
            throw new InvalidFieldException("level", "must be one of error, warning, info, debug");
        }
        if (message == null || message.isBlank()) {
            throw new InvalidFieldException("message", "is required and must not be blank");
        }
        context = JsonValues.freeze(context);
        clientFingerprint = clientFingerprint == null ? List.of() : List.copyOf(clientFingerprint);
    }

    /** Builds a report and checks every bound, naming the first field that is out of bounds. */
    public static ErrorReport validated(ErrorReportLimits limits, ErrorLevel level, String message, String stackTrace,
                                        Map<String, ?> context, String source, String environment, String url,
                                        List<String> clientFingerprint) {
        bound("message", message, limits.maxMessageChars());
        bound("stack_trace", stackTrace, limits.maxStackTraceChars());
        bound("source", source, limits.maxShortFieldChars());
        bound("environment", environment, limits.maxShortFieldChars());
        bound("url", url, limits.maxShortFieldChars());
        if (context != null) {
            if (JsonValues.estimatedSize(context) > limits.maxContextChars()) {
                throw new FieldTooLargeException("context", limits.maxContextChars());
            }
            if (JsonValues.depth(context) > limits.maxContextDepth()) {
                throw new InvalidFieldException("context", "nested deeper than " + limits.maxContextDepth() + " levels");
            }
        }
        if (clientFingerprint != null) {
            if (clientFingerprint.size() > 16) {
                throw new InvalidFieldException("fingerprint", "at most 16 parts");
            }
            for (String part : clientFingerprint) {
                if (part == null) {
                    throw new InvalidFieldException("fingerprint", "parts must be strings");
                }
                bound("fingerprint", part, limits.maxShortFieldChars());
            }
        }
        return new ErrorReport(level, message, blankToNull(stackTrace), JsonValues.freeze(context),
                blankToNull(source), blankToNull(environment), blankToNull(url), clientFingerprint);
    }

    private static void bound(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw new FieldTooLargeException(field, max);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
