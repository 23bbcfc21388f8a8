package io.quarterdeck.container;

import io.quarterdeck.application.port.out.errors.ErrorEventPublisher;
import io.quarterdeck.domain.errors.ErrorGroup;
import io.quarterdeck.domain.errors.ErrorGroupId;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

/**
 * Test-only decorator of the event out-port: before the real publisher runs, notes what the world looked like at
 * that moment (see {@link PublishedEvents}).
 */
@Decorator
@Priority(Interceptor.Priority.APPLICATION)
abstract class RecordingPublisher implements ErrorEventPublisher {
    @Inject
    @Delegate
    @Any
    ErrorEventPublisher delegate;
    @Inject
    PublishedEvents published;

    @Override
    public void newError(ErrorGroup group) {
        published.record(PublishedEvents.Kind.NEW_ERROR, group.id());
        delegate.newError(group);
    }

    @Override
    public void errorResolved(ErrorGroupId id) {
        published.record(PublishedEvents.Kind.RESOLVED, id);
        delegate.errorResolved(id);
    }
}
