package io.quarterdeck.domain.errors;

import io.quarterdeck.domain.shared.InvalidFieldException;

/**
 * A page of the error list: {@code limit} 1-100, {@code offset} 0 or more, optional filters; the newest
 * {@code lastSeen} comes first.
 */
public record ErrorQuery(int limit, int offset, ErrorLevel level, String source, Boolean resolved, String search) {
    public static final int MAX_LIMIT = 100;
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_OFFSET = 1_000_000;

    public ErrorQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidFieldException("limit", "must be between 1 and " + MAX_LIMIT);
        }
        if (offset < 0 || offset > MAX_OFFSET) {
            throw new InvalidFieldException("offset", "must be between 0 and " + MAX_OFFSET);
        }
        if (search != null && search.length() > 256) {
            throw new InvalidFieldException("search", "must be at most 256 characters");
        }
        if (source != null && source.length() > 2_048) {
            throw new InvalidFieldException("source", "must be at most 2048 characters");
        }
        search = search == null || search.isBlank() ? null : search.trim();
        source = source == null || source.isBlank() ? null : source;
    }

    /** 1-based page number as the contract reports it. */
    public int page() {
        return offset / limit + 1;
    }
}
