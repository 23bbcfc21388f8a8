package io.quarterdeck.domain.alerting;

import io.quarterdeck.domain.shared.InvalidFieldException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Time windows written as {@code 30s}, {@code 5m}, {@code 1h}, {@code 1d} (also "5 minutes"), between 1 s and 30 days. */
public final class Windows {
    private static final Pattern FORM = Pattern.compile(
            "(\\d{1,7})\\s*(s|sec|secs|second|seconds|m|min|mins|minute|minutes|h|hour|hours|d|day|days)");
    public static final Duration MAX = Duration.ofDays(30);

    private Windows() {
    }

    public static Duration parse(String field, String raw) {
        if (raw == null) {
            throw new InvalidFieldException(field, "is required, e.g. 5m");
        }
        Matcher m = FORM.matcher(raw.strip().toLowerCase(java.util.Locale.ROOT));
        if (!m.matches()) {
            throw new InvalidFieldException(field, "must be a duration such as 30s, 5m, 1h or 1d");
        }
        long n = Long.parseLong(m.group(1));
        Duration d = switch (m.group(2).charAt(0)) {
            case 's' -> Duration.ofSeconds(n);
            case 'm' -> Duration.ofMinutes(n);
            case 'h' -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
        if (d.isZero() || d.compareTo(MAX) > 0) {
            throw new InvalidFieldException(field, "must be between 1s and 30d");
        }
        return d;
    }

    /** The shortest form: {@code 90s}, {@code 5m}, {@code 2h}, {@code 1d}. */
    public static String format(Duration d) {
        long s = d.getSeconds();
        if (s % 86_400 == 0) {
            return s / 86_400 + "d";
        }
        if (s % 3_600 == 0) {
            return s / 3_600 + "h";
        }
        if (s % 60 == 0) {
            return s / 60 + "m";
        }
        return s + "s";
    }
}
