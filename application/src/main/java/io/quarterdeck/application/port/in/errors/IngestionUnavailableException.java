package io.quarterdeck.application.port.in.errors;

/** Ingestion cannot take more right now (queue full, or shutting down); surfaces answer 503 with Retry-After. */
public class IngestionUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public IngestionUnavailableException(String message) {
        super(message, null, false, false);
    }
}
