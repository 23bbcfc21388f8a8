package io.quarterdeck.application.errors;

import io.quarterdeck.application.port.in.errors.ErrorTrackingSettings;

import io.quarterdeck.application.port.in.errors.DeleteErrorUseCase;
import io.quarterdeck.application.port.in.errors.PurgeOccurrencesUseCase;
import io.quarterdeck.application.port.in.errors.ResolveErrorUseCase;
import io.quarterdeck.application.port.out.errors.ErrorEventPublisher;
import io.quarterdeck.domain.errors.ErrorGroupId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;

/** Resolve, delete and purge: each one transaction, events published after commit. */
@ApplicationScoped
public class ErrorLifecycleService implements ResolveErrorUseCase, DeleteErrorUseCase, PurgeOccurrencesUseCase {
    private final ErrorGroupTransactions transactions;
    private final ErrorEventPublisher publisher;
    private final ErrorTrackingSettings settings;
    private final Clock clock;
    private final ErrorDataVersion version;

    @Inject
    public ErrorLifecycleService(ErrorGroupTransactions transactions, ErrorEventPublisher publisher,
                                 ErrorTrackingSettings settings, Clock clock, ErrorDataVersion version) {
        this.transactions = transactions;
        this.publisher = publisher;
        this.settings = settings;
        this.clock = clock;
        this.version = version;
    }

    /** Without a cache to tell (unit tests). */
    public ErrorLifecycleService(ErrorGroupTransactions transactions, ErrorEventPublisher publisher,
                                 ErrorTrackingSettings settings, Clock clock) {
        this(transactions, publisher, settings, clock, new ErrorDataVersion());
    }

    /** For CDI proxies only. */
    protected ErrorLifecycleService() {
        this(null, null, null, null);
    }

    @Override
    public void resolve(ErrorGroupId id) {
        if (transactions.resolve(id, clock.instant())) {
            version.advance();
            AfterCommit.publish(() -> publisher.errorResolved(id));
        }
    }

    @Override
    public void delete(ErrorGroupId id) {
        try {
            transactions.delete(id);
        } finally {
            version.advance();
        }
    }

    @Override
    public long purge() {
        long removed = transactions.purge(clock.instant().minus(settings.retention()), settings.perGroupCap());
        if (removed > 0) {
            version.advance();
        }
        return removed;
    }
}
