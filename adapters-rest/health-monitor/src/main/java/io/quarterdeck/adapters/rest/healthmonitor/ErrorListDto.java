package io.quarterdeck.adapters.rest.healthmonitor;

import io.quarterdeck.domain.errors.ErrorPage;
import java.util.List;

/** {@code {"errors": [...], "total", "page", "limit"}}. */
public record ErrorListDto(List<ErrorSummaryDto> errors, long total, int page, int limit) {
    public static ErrorListDto from(ErrorPage p) {
        return new ErrorListDto(p.errors().stream().map(ErrorSummaryDto::from).toList(), p.total(), p.page(), p.limit());
    }
}
