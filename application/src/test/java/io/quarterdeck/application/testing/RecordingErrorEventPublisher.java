package io.quarterdeck.application.testing;

import io.quarterdeck.application.port.out.errors.ErrorEventPublisher;
import io.quarterdeck.domain.errors.ErrorGroup;
import io.quarterdeck.domain.errors.ErrorGroupId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Remembers what was published, in order. */
public final class RecordingErrorEventPublisher implements ErrorEventPublisher {
    private final List<ErrorGroup> newErrors = new CopyOnWriteArrayList<>();
    private final List<ErrorGroupId> resolved = new CopyOnWriteArrayList<>();

    @Override
    public void newError(ErrorGroup group) {
        newErrors.add(group);
    }

    @Override
    public void errorResolved(ErrorGroupId id) {
        resolved.add(id);
    }

    public List<ErrorGroup> newErrors() {
        return List.copyOf(newErrors);
    }

    public List<ErrorGroupId> resolved() {
        return List.copyOf(resolved);
    }
}
