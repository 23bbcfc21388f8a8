package io.quarterdeck.application.port.in.errors;

import io.quarterdeck.domain.errors.ErrorPage;
import io.quarterdeck.domain.errors.ErrorQuery;

/** Lists error groups, newest last occurrence first. */
public interface ListErrorsUseCase {
    ErrorPage list(ErrorQuery query);
}
