package io.quarterdeck.application.port.out.logs;

/** The log store does not answer (an external Loki that is down); reads answer 503, collection goes on. */
public class LogStoreUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LogStoreUnavailableException(String message) {
        super(message);
    }
}
