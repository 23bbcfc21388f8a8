package io.quarterdeck.domain.logs;

import io.quarterdeck.domain.shared.InvalidFieldException;
import java.util.Locale;

/**
 * Severity of a log line, lowest first. Every seed's spelling is accepted: {@code WARN} and {@code WARNING},
 * {@code CRITICAL} and {@code FATAL}, any case; {@link #wireName()} is the {@code /api/v1} spelling (seed 000),
 * {@link #longName()} the Python one (seeds 002 and 003).
 */
public enum LogLevel {
    TRACE, DEBUG, INFO, WARN, ERROR, CRITICAL;

    /** The level a field names; a 400 naming {@code field} otherwise. */
    public static LogLevel parse(String field, String value) {
        LogLevel level = lenient(value);
        if (level == null) {
            throw new InvalidFieldException(field, "must be one of TRACE, DEBUG, INFO, WARN (WARNING), ERROR, "
                    + "CRITICAL (FATAL)");
        }
        return level;
    }

    /** The level a shipper's label or a line's prefix names, or null when it names none. */
    public static LogLevel lenient(String value) {
        if (value == null) {
            return null;
        }
        switch (value.strip().toUpperCase(Locale.ROOT)) {
            case "TRACE":
                return TRACE;
            case "DEBUG", "DBG":
                return DEBUG;
            case "INFO", "INFORMATION", "NOTICE":
                return INFO;
            case "WARN", "WARNING":
                return WARN;
            case "ERROR", "ERR":
                return ERROR;
            case "CRITICAL", "CRIT", "FATAL", "PANIC", "EMERGENCY", "ALERT":
                return CRITICAL;
            default:
                return null;
        }
    }

    /**
     * The level a raw line announces in its first 64 characters ({@code [ERROR] ...}, {@code level=warn},
     * {@code 2026-12-02 10:00:00 WARNING ...}), or the fallback.
     */
    public static LogLevel sniff(String line, LogLevel fallback) {
        if (line == null || line.isEmpty()) {
            return fallback;
        }
        String head = line.length() > 64 ? line.substring(0, 64) : line;
        int i = 0;
        int n = head.length();
        while (i < n) {
            while (i < n && !Character.isLetter(head.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && Character.isLetter(head.charAt(i))) {
                i++;
            }
            if (i > start && i - start <= 11) {
                String word = head.substring(start, i);
                if (word.equals("level") || word.equals("lvl")) {
                    continue;
                }
                LogLevel l = strict(word);
                if (l != null) {
                    return l;
                }
            }
        }
        return fallback;
    }

    /** Only the spellings that are unlikely to be an ordinary word of a message. */
    private static LogLevel strict(String word) {
        return switch (word) {
            case "TRACE", "trace" -> TRACE;
            case "DEBUG", "debug" -> DEBUG;
            case "INFO", "info" -> INFO;
            case "WARN", "WARNING", "warn", "warning" -> WARN;
            case "ERROR", "error" -> ERROR;
            case "CRITICAL", "FATAL", "critical", "fatal", "PANIC", "panic" -> CRITICAL;
            default -> null;
        };
    }

    public String wireName() {
        return name();
    }

    /** {@code WARNING} for {@link #WARN}, the name otherwise (Python's logging names). */
    public String longName() {
        return this == WARN ? "WARNING" : name();
    }

    public boolean atLeast(LogLevel minimum) {
        return minimum == null || compareTo(minimum) >= 0;
    }
}
