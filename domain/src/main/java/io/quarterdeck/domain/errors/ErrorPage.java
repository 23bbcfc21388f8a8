package io.quarterdeck.domain.errors;

import java.util.List;

/**
 * One page of groups and the total that matched the query.
 *
 * @param totalIsLowerBound the store stopped counting: at least {@code total} groups match (a text search matching
 *                          very many groups is not counted to the end)
 */
public record ErrorPage(List<ErrorGroup> errors, long total, int page, int limit, boolean totalIsLowerBound) {
    public ErrorPage {
        errors = List.copyOf(errors);
    }

    /** An exact total. */
    public ErrorPage(List<ErrorGroup> errors, long total, int page, int limit) {
        this(errors, total, page, limit, false);
    }
}
