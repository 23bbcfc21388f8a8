package io.quarterdeck.domain.errors;

import io.quarterdeck.domain.shared.InvalidFieldException;
import java.util.Locale;

/** Severity of a reported error, as the Health Monitor contract names it. */
public enum ErrorLevel {
    ERROR, WARNING, INFO, DEBUG;

    /** Parses the wire name ({@code error|warning|info|debug}); anything else is an invalid {@code field}. */
    public static ErrorLevel parse(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidFieldException(field, "must be one of error, warning, info, debug");
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "error" -> ERROR;
            case "warning" -> WARNING;
            case "info" -> INFO;
            case "debug" -> DEBUG;
            default -> throw new InvalidFieldException(field, "must be one of error, warning, info, debug");
        };
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
