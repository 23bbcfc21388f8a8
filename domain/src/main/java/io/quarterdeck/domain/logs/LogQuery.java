package io.quarterdeck.domain.logs;

import io.quarterdeck.domain.shared.InvalidFieldException;
import java.time.Instant;

/**
 * A query over stored lines, newest first.
 *
 * @param sourceId  lines whose service, container, server or app is exactly this, or null
 * @param app       lines whose source matches this glob (service, container or app), or null
 * @param minLevel  lines at this level or above, or null
 * @param exactLevel lines at exactly this level (seed 000's {@code level}), or null
 * @param from      inclusive, or null
 * @param to        inclusive, or null
 * @param search    lines whose message contains this text, ignoring case, or null
 */
public record LogQuery(String sourceId, AppGlob app, LogLevel minLevel, LogLevel exactLevel, Instant from,
                       Instant to, String search, int limit, int offset) {
    public static final int MAX_LIMIT = 5000;
    public static final int MAX_SEARCH_CHARS = 200;

    public LogQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidFieldException("limit", "must be between 1 and " + MAX_LIMIT);
        }
        if (offset < 0) {
            throw new InvalidFieldException("offset", "must not be negative");
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidFieldException("from", "must not be after the end of the range");
        }
        if (search != null) {
            search = search.strip();
            if (search.isEmpty()) {
                search = null;
            } else if (search.length() > MAX_SEARCH_CHARS) {
                throw new InvalidFieldException("search", "must be at most " + MAX_SEARCH_CHARS + " characters");
            }
        }
    }

    /** Whether a line satisfies the query's filters (the live streams apply it to each new line). */
    public boolean accepts(LogEntry e) {
        if (sourceId != null && !e.from(sourceId)) {
            return false;
        }
        if (app != null && !(app.matches(e.service()) || app.matches(e.container()) || app.matches(e.app()))) {
            return false;
        }
        if (minLevel != null && !e.level().atLeast(minLevel)) {
            return false;
        }
        if (exactLevel != null && e.level() != exactLevel) {
            return false;
        }
        if (from != null && e.timestamp().isBefore(from)) {
            return false;
        }
        if (to != null && e.timestamp().isAfter(to)) {
            return false;
        }
        return search == null || e.message().toLowerCase(java.util.Locale.ROOT)
                .contains(search.toLowerCase(java.util.Locale.ROOT));
    }
}
