package io.quarterdeck.application.errors;

import io.quarterdeck.application.port.in.errors.ErrorTrackingSettings;

import io.quarterdeck.application.port.out.errors.ErrorGroupRepository;
import io.quarterdeck.application.port.out.errors.ErrorOccurrenceRepository;
import io.quarterdeck.domain.errors.ErrorEvent;
import io.quarterdeck.domain.errors.ErrorGroup;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

/**
 * The real write transactions, observed: every call is recorded; the first call can be held until released, and
 * calls can be made to fail before they touch the store (as a rolled-back transaction would leave it).
 */
final class ObservedTransactions extends ErrorGroupTransactions {
    final List<List<ErrorEvent>> calls = new CopyOnWriteArrayList<>();
    final CountDownLatch firstEntered = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    volatile boolean holdFirstCall;
    volatile Supplier<RuntimeException> failure;

    ObservedTransactions(ErrorGroupRepository groups, ErrorOccurrenceRepository occurrences,
                         ErrorTrackingSettings settings) {
        super(groups, occurrences, settings);
    }

    @Override
    public List<ErrorGroup> record(List<ErrorEvent> events) {
        calls.add(List.copyOf(events));
        if (holdFirstCall && calls.size() == 1) {
            firstEntered.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while recording", e);
            }
        }
        Supplier<RuntimeException> f = failure;
        if (f != null) {
            throw f.get();
        }
        return super.record(events);
    }
}
