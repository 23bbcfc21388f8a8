package io.quarterdeck.adapters.rest.support;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Times on every surface: ISO-8601 UTC with {@code Z}, millisecond precision. */
public final class Times {
    private Times() {
    }

    public static String format(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
