package io.quarterdeck.container;

import io.quarterdeck.application.port.out.errors.ErrorOccurrenceRepository;
import io.quarterdeck.domain.errors.ErrorOccurrence;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.Collection;

/**
 * Test-only decorator of the occurrence out-port: refuses to append occurrences the test marked (see
 * {@link Faults}), after the group writes of the same transaction went through. Abstract, so the port's other
 * methods pass straight to the real adapter; the delegate is a field because that is the injection point a
 * decorator of an abstract class can have.
 */
@Decorator
@Priority(Interceptor.Priority.APPLICATION)
abstract class RefusingOccurrences implements ErrorOccurrenceRepository {
    @Inject
    @Delegate
    @Any
    ErrorOccurrenceRepository delegate;

    @Override
    public void appendAll(Collection<ErrorOccurrence> occurrences) {
        Faults.refuseMarkedOccurrences(occurrences);
        delegate.appendAll(occurrences);
    }
}
