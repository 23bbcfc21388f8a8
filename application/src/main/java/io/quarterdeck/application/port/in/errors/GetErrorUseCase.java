package io.quarterdeck.application.port.in.errors;

import io.quarterdeck.domain.errors.ErrorGroup;
import io.quarterdeck.domain.errors.ErrorGroupId;

/** Reads one error group; throws {@code NotFoundException} when there is none. */
public interface GetErrorUseCase {
    ErrorGroup get(ErrorGroupId id);
}
