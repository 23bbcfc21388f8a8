package io.quarterdeck.container;

import io.quarterdeck.application.port.out.errors.ErrorGroupRepository;
import io.quarterdeck.domain.errors.ErrorGroup;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.Collection;

/** Test-only decorator of the error group out-port: refuses to update groups the test marked (see {@link Faults}). */
@Decorator
@Priority(Interceptor.Priority.APPLICATION)
abstract class RefusingGroupUpdates implements ErrorGroupRepository {
    @Inject
    @Delegate
    @Any
    ErrorGroupRepository delegate;

    @Override
    public void updateAll(Collection<ErrorGroup> groups) {
        Faults.refuseMarkedGroups(groups);
        delegate.updateAll(groups);
    }
}
