package io.quarterdeck.adapters.rest.spine;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** Times on every surface: ISO-8601 UTC with {@code Z}, millisecond precision. */
public final class Times {
    /** 9999-12-31T23:59:59Z: beyond it (and before 1970) the general formatter is used. */
    private static final long LAST_FOUR_DIGIT_SECOND = 253_402_300_799L;

    private Times() {
    }

    /**
     * The instant truncated to milliseconds, as {@link Instant#toString()} writes it (no fraction when the
     * milliseconds are zero). Hand-written for the years 1970-9999: every ingestion answer formats five times and
     * the general formatter showed up in profiles.
     */
    public static String format(Instant instant) {
        if (instant == null) {
            return null;
        }
        long seconds = instant.getEpochSecond();
        if (seconds < 0 || seconds > LAST_FOUR_DIGIT_SECOND) {
            return instant.truncatedTo(ChronoUnit.MILLIS).toString();
        }
        LocalDateTime t = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
        int millis = instant.getNano() / 1_000_000;
        StringBuilder sb = new StringBuilder(24);
        sb.append(t.getYear()).append('-');
        two(sb, t.getMonthValue()).append('-');
        two(sb, t.getDayOfMonth()).append('T');
        two(sb, t.getHour()).append(':');
        two(sb, t.getMinute()).append(':');
        two(sb, t.getSecond());
        if (millis != 0) {
            sb.append('.').append((char) ('0' + millis / 100)).append((char) ('0' + millis / 10 % 10))
                    .append((char) ('0' + millis % 10));
        }
        return sb.append('Z').toString();
    }

    private static StringBuilder two(StringBuilder sb, int v) {
        return sb.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
    }
}
