package io.quarterdeck.application.port.out.errors;

import io.quarterdeck.domain.errors.ErrorGroup;
import io.quarterdeck.domain.errors.ErrorGroupId;

/** Tells live subscribers what changed. Called only after the change is committed; must not block for long. */
public interface ErrorEventPublisher {
    void newError(ErrorGroup group);

    void errorResolved(ErrorGroupId id);
}
