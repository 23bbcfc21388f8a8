package io.quarterdeck.domain.errors;

import java.util.List;

/** One page of groups and the total that matched the query. */
public record ErrorPage(List<ErrorGroup> errors, long total, int page, int limit) {
    public ErrorPage {
        errors = List.copyOf(errors);
    }
}
