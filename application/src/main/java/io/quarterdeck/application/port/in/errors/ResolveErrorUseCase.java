package io.quarterdeck.application.port.in.errors;

import io.quarterdeck.domain.errors.ErrorGroupId;

/** Marks an error group resolved; idempotent; throws {@code NotFoundException} when there is none. */
public interface ResolveErrorUseCase {
    void resolve(ErrorGroupId id);
}
