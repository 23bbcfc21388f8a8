package io.quarterdeck.adapters.rest.spine;

import io.quarterdeck.domain.shared.InvalidFieldException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Query parameters and times parsed once for every surface: whole numbers inside the bounds the caller names (so no
 * {@code page} or {@code offset} can overflow what is computed from it) and ISO-8601 instants between the years 1970
 * and 9999 (a year such as {@code +999999999} is a 400, not a value for the database to refuse).
 */
public final class QueryParameters {
    /** 1970-01-01T00:00:00Z. */
    public static final Instant EARLIEST = Instant.EPOCH;
    /** 9999-12-31T23:59:59.999999999Z: the last instant every database and client formats in four-digit years. */
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    private QueryParameters() {
    }

    /** A whole number between {@code min} and {@code max}, or the fallback when absent or blank. */
    public static int integer(String field, String raw, int fallback, int min, int max) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        String s = raw.strip();
        long value;
        try {
            value = s.length() > 12 ? Long.MAX_VALUE : Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new InvalidFieldException(field, "must be a whole number");
        }
        if (value < min || value > max) {
            throw new InvalidFieldException(field, "must be between " + min + " and " + max);
        }
        return (int) value;
    }

    /** An ISO-8601 instant such as {@code 2026-11-23T10:00:00Z} between 1970 and 9999, or null when absent. */
    public static Instant instant(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        Instant value;
        try {
            value = Instant.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException(field, "must be an ISO-8601 time such as 2026-11-23T10:00:00Z");
        }
        if (value.isBefore(EARLIEST) || value.isAfter(LATEST)) {
            throw new InvalidFieldException(field, "must be between the years 1970 and 9999");
        }
        return value;
    }
}
