package io.quarterdeck.application.port.out;

/**
 * Another transaction wrote one of the error groups this transaction is writing, after this one read it: roll back
 * and retry (the retry reads the groups afresh).
 */
public class ConcurrentGroupChangeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConcurrentGroupChangeException(String message, Throwable cause) {
        super(message, cause);
    }
}
