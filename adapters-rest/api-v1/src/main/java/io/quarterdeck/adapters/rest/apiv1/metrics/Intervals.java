package io.quarterdeck.adapters.rest.apiv1.metrics;

import io.quarterdeck.domain.shared.InvalidFieldException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as Prometheus writes them ({@code 5s}, {@code 1m}, {@code 1h}, {@code 1d}), or a number of seconds. */
final class Intervals {
    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h|d|w)?");

    private Intervals() {
    }

    static Duration parse(String field, String raw, Duration fallback, Duration min, Duration max) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        Matcher m = DURATION.matcher(raw.strip());
        if (!m.matches()) {
            throw new InvalidFieldException(field, "must be a duration such as 30s, 5m, 1h or a number of seconds");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        Duration d = switch (unit) {
            case "ms" -> Duration.ofMillis(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            case "w" -> Duration.ofDays(7 * n);
            default -> Duration.ofSeconds(n);
        };
        if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
            throw new InvalidFieldException(field, "must be between " + min.toSeconds() + " s and "
                    + max.toDays() + " days");
        }
        return d;
    }
}
