package io.quarterdeck.adapters.rest.healthmonitor;

import io.quarterdeck.domain.errors.ErrorPage;
import java.util.List;

/**
 * {@code {"errors": [...], "total", "page", "limit"}}, and {@code "total_capped": true} when {@code total} is a lower
 * bound (a text search matching more groups than the store counts).
 */
public record ErrorListDto(List<ErrorSummaryDto> errors, long total, int page, int limit, Boolean totalCapped) {
    public static ErrorListDto from(ErrorPage p) {
        return new ErrorListDto(p.errors().stream().map(ErrorSummaryDto::from).toList(), p.total(), p.page(), p.limit(),
                p.totalIsLowerBound() ? Boolean.TRUE : null);
    }
}
