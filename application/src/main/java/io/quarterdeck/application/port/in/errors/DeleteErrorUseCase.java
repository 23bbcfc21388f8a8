package io.quarterdeck.application.port.in.errors;

import io.quarterdeck.domain.errors.ErrorGroupId;

/** Deletes an error group and its occurrences; throws {@code NotFoundException} when there is none. */
public interface DeleteErrorUseCase {
    void delete(ErrorGroupId id);
}
