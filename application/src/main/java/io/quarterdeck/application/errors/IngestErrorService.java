package io.quarterdeck.application.errors;

import io.quarterdeck.application.port.in.errors.ErrorTrackingSettings;

import io.quarterdeck.application.port.in.errors.IngestErrorCommand;
import io.quarterdeck.application.port.in.errors.IngestErrorUseCase;
import io.quarterdeck.application.port.in.errors.IngestOutcome;
import io.quarterdeck.application.port.in.errors.IngestionQueueUseCase;
import io.quarterdeck.application.port.out.errors.ErrorEventPublisher;
import io.quarterdeck.application.port.out.errors.ConcurrentGroupChangeException;
import io.quarterdeck.application.port.out.errors.IngestionMetrics;
import io.quarterdeck.domain.errors.ClientInfo;
import io.quarterdeck.domain.errors.ErrorEvent;
import io.quarterdeck.domain.errors.ErrorGroup;
import io.quarterdeck.domain.errors.ErrorLevel;
import io.quarterdeck.domain.errors.ErrorReport;
import io.quarterdeck.domain.errors.SensitiveDataScrubber;
import io.quarterdeck.domain.errors.fingerprint.Fingerprint;
import io.quarterdeck.domain.errors.fingerprint.Fingerprinter;
import io.quarterdeck.domain.shared.InvalidFieldException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadFactory;

/**
 * Validates, scrubs and fingerprints reports on the caller's thread, then hands the accepted events to the
 * {@link IngestionBatcher}, which records concurrent requests together in one transaction. Each call returns
 * only after its events are committed, and publishes them after that.
 */
@ApplicationScoped
public class IngestErrorService implements IngestErrorUseCase, IngestionQueueUseCase {
    static final int MAX_ATTEMPTS = 5;

    private final ErrorGroupTransactions transactions;
    private final ErrorEventPublisher publisher;
    private final ErrorTrackingSettings settings;
    private final SensitiveDataScrubber scrubber;
    private final Fingerprinter fingerprinter;
    private final Clock clock;
    private final IngestionBatcher batcher;

    /** Without a cache to tell (unit tests). */
    public IngestErrorService(ErrorGroupTransactions transactions, ErrorEventPublisher publisher,
                              ErrorTrackingSettings settings, Clock clock, ThreadFactory threads,
                              IngestionMetrics metrics) {
        this(transactions, publisher, settings, clock, threads, metrics, new ErrorDataVersion());
    }

    /**
     * @param version advanced after every committed batch, before its callers are answered (so a read that follows
     *                an acknowledged post never gets an answer cached before it)
     */
    @Inject
    public IngestErrorService(ErrorGroupTransactions transactions, ErrorEventPublisher publisher,
                              ErrorTrackingSettings settings, Clock clock, ThreadFactory threads,
                              IngestionMetrics metrics, ErrorDataVersion version) {
        this.transactions = transactions;
        this.publisher = publisher;
        this.settings = settings;
        this.scrubber = new SensitiveDataScrubber(settings.sensitiveKeys());
        this.fingerprinter = new Fingerprinter();
        this.clock = clock;
        this.batcher = new IngestionBatcher(this::recordWithRetry, settings.maxBatch(), settings.queueCapacity(),
                threads, events -> {
                    version.advance();
                    metrics.batchRecorded(events);
                });
    }

    /** For CDI proxies only. */
    protected IngestErrorService() {
        this.transactions = null;
        this.publisher = null;
        this.settings = null;
        this.scrubber = null;
        this.fingerprinter = null;
        this.clock = null;
        this.batcher = null;
    }

    @Override
    public int queuedRequests() {
        return batcher.queuedRequests();
    }

    @Override
    public ErrorGroup ingest(IngestErrorCommand c) {
        ErrorGroup group = await(List.of(accept(c))).get(0);
        AfterCommit.publish(() -> publisher.newError(group));
        return group;
    }

    @Override
    public List<IngestOutcome> ingestAll(List<IngestErrorCommand> commands) {
        List<ErrorEvent> accepted = new ArrayList<>(commands.size());
        InvalidFieldException[] rejections = new InvalidFieldException[commands.size()];
        for (int i = 0; i < commands.size(); i++) {
            try {
                accepted.add(accept(commands.get(i)));
            } catch (InvalidFieldException e) {
                rejections[i] = e;
            }
        }
        List<ErrorGroup> groups = accepted.isEmpty() ? List.of() : await(accepted);
        List<IngestOutcome> outcomes = new ArrayList<>(commands.size());
        int next = 0;
        for (InvalidFieldException rejection : rejections) {
            if (rejection == null) {
                ErrorGroup group = groups.get(next++);
                AfterCommit.publish(() -> publisher.newError(group));
                outcomes.add(new IngestOutcome(group, null));
            } else {
                outcomes.add(new IngestOutcome(null, rejection));
            }
        }
        return outcomes;
    }

    /** Turns a command into an accepted event: validated, scrubbed, fingerprinted, stamped. */
    ErrorEvent accept(IngestErrorCommand c) {
        ErrorReport report = scrubber.scrub(ErrorReport.validated(settings.limits(), ErrorLevel.parse("level", c.level()),
                c.message(), c.stackTrace(), c.context(), c.source(), c.environment(), c.url(), c.fingerprint()));
        Fingerprint fingerprint = fingerprinter.compute(report.message(), report.stackTrace(), report.source(),
                report.clientFingerprint());
        return new ErrorEvent(report, new ClientInfo(c.userAgent(), c.ipAddress()), fingerprint,
                Fingerprinter.GROUPING_VERSION, clock.instant());
    }

    private List<ErrorGroup> await(List<ErrorEvent> events) {
        try {
            return batcher.submit(events).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    /**
     * One transaction for the batch; when another transaction created or changed one of its groups first, the
     * batch is retried afresh.
     */
    List<ErrorGroup> recordWithRetry(List<ErrorEvent> events) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.record(events);
            } catch (ConcurrentGroupChangeException e) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    void stop(@Observes(notifyObserver = Reception.IF_EXISTS) @BeforeDestroyed(ApplicationScoped.class) Object event) {
        if (batcher != null) {
            batcher.stop();
        }
    }
}
