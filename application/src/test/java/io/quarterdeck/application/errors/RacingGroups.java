package io.quarterdeck.application.errors;

import io.quarterdeck.application.port.in.errors.ErrorTrackingSettings;

import static io.quarterdeck.application.errors.Reports.T0;
import static io.quarterdeck.application.errors.Reports.event;

import io.quarterdeck.application.port.out.errors.ErrorGroupRepository;
import io.quarterdeck.application.testing.InMemoryErrorStore;
import io.quarterdeck.domain.errors.ErrorGroup;
import io.quarterdeck.domain.errors.ErrorGroupId;
import io.quarterdeck.domain.errors.ErrorPage;
import io.quarterdeck.domain.errors.ErrorQuery;
import io.quarterdeck.domain.errors.fingerprint.Fingerprint;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The groups of an in-memory store, except that the first fingerprint lookup loses a race: right after it,
 * another writer commits a group (message "theirs") for the first fingerprint looked up, as a concurrent
 * transaction on another node would.
 */
final class RacingGroups implements ErrorGroupRepository {
    private final InMemoryErrorStore store;
    private final ErrorGroupRepository delegate;
    private final AtomicInteger lookups = new AtomicInteger();

    RacingGroups(InMemoryErrorStore store) {
        this.store = store;
        this.delegate = store.groups();
    }

    int lookups() {
        return lookups.get();
    }

    @Override
    public Map<Fingerprint, ErrorGroup> lockByFingerprints(Collection<Fingerprint> fingerprints) {
        Map<Fingerprint, ErrorGroup> seen = delegate.lockByFingerprints(fingerprints);
        if (lookups.incrementAndGet() == 1) {
            Fingerprint contested = fingerprints.iterator().next();
            new ErrorGroupTransactions(delegate, store.occurrences(), ErrorTrackingSettings.defaults())
                    .record(List.of(event(contested, "theirs", T0.minusSeconds(1))));
        }
        return seen;
    }

    @Override
    public void insertAll(Collection<ErrorGroup> groups) {
        delegate.insertAll(groups);
    }

    @Override
    public void updateAll(Collection<ErrorGroup> groups) {
        delegate.updateAll(groups);
    }

    @Override
    public Optional<ErrorGroup> findById(ErrorGroupId id) {
        return delegate.findById(id);
    }

    @Override
    public Optional<ErrorGroup> lockById(ErrorGroupId id) {
        return delegate.lockById(id);
    }

    @Override
    public ErrorPage search(ErrorQuery query) {
        return delegate.search(query);
    }

    @Override
    public boolean delete(ErrorGroupId id) {
        return delegate.delete(id);
    }
}
