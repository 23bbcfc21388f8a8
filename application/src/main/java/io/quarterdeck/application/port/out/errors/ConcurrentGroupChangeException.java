package io.quarterdeck.application.port.out.errors;

/**
 * Another transaction wrote one of the error groups this transaction is writing, after this one read it, or the
 * database ended this transaction to break a deadlock with another writer of the same groups: roll back and retry
 * (the retry reads the groups afresh).
 */
public class ConcurrentGroupChangeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConcurrentGroupChangeException(String message, Throwable cause) {
        super(message, cause);
    }
}
