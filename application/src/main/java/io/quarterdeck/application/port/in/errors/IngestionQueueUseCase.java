package io.quarterdeck.application.port.in.errors;

/** How much ingestion is waiting to be written, for operators (the queue depth gauge). */
public interface IngestionQueueUseCase {
    /** Requests queued for the writer and not yet taken into a batch. */
    int queuedRequests();
}
