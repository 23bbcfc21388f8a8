package io.quarterdeck.domain.errors;

/**
 * Bounds on what one error report may carry, and on what a group keeps.
 *
 * @param maxMessageChars       longest accepted message
 * @param maxStackTraceChars    longest accepted stack trace
 * @param maxContextChars       largest accepted context, estimated as compact JSON
 * @param maxContextDepth       deepest accepted nesting of the context
 * @param maxShortFieldChars    longest source, environment, url, user agent
 * @param maxMergedContextKeys  most top-level keys a group's merged context keeps
 */
public record ErrorReportLimits(int maxMessageChars, int maxStackTraceChars, int maxContextChars,
                                int maxContextDepth, int maxShortFieldChars, int maxMergedContextKeys) {
    public ErrorReportLimits {
        if (maxMessageChars < 1 || maxStackTraceChars < 1 || maxContextChars < 2 || maxContextDepth < 1
                || maxShortFieldChars < 1 || maxMergedContextKeys < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    /** The defaults documented in README. */
    public static ErrorReportLimits defaults() {
        return new ErrorReportLimits(8_192, 65_536, 16_384, 8, 2_048, 100);
    }
}
