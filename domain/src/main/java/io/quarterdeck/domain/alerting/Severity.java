package io.quarterdeck.domain.alerting;

import io.quarterdeck.domain.shared.InvalidFieldException;
import java.util.Locale;

/** How urgent an alert is. */
public enum Severity {
    INFO, WARNING, CRITICAL;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code info}, {@code warning} (or {@code warn}), {@code critical} (or {@code error}); else a 400 naming the field. */
    public static Severity parse(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidFieldException(field, "is required (info, warning, critical)");
        }
        return switch (raw.strip().toLowerCase(Locale.ROOT)) {
            case "info", "low" -> INFO;
            case "warning", "warn", "medium" -> WARNING;
            case "critical", "error", "high" -> CRITICAL;
            default -> throw new InvalidFieldException(field, "must be info, warning or critical");
        };
    }
}
