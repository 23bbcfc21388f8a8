package io.quarterdeck.application.port.out.errors;

/** Where ingestion reports what it did, for operators (metrics); must not block and must not throw. */
@FunctionalInterface
public interface IngestionMetrics {
    /** A batch of {@code events} events was committed in one transaction. */
    void batchRecorded(int events);
}
