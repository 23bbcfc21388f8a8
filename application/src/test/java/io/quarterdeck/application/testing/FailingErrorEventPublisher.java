package io.quarterdeck.application.testing;

import io.quarterdeck.application.port.out.errors.ErrorEventPublisher;
import io.quarterdeck.domain.errors.ErrorGroup;
import io.quarterdeck.domain.errors.ErrorGroupId;

/** A publisher whose every push fails, as a broken WebSocket broadcast would. */
public final class FailingErrorEventPublisher implements ErrorEventPublisher {
    private final String reason;

    public FailingErrorEventPublisher(String reason) {
        this.reason = reason;
    }

    @Override
    public void newError(ErrorGroup group) {
        throw new IllegalStateException(reason);
    }

    @Override
    public void errorResolved(ErrorGroupId id) {
        throw new IllegalStateException(reason);
    }
}
