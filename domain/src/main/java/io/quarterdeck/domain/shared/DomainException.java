package io.quarterdeck.domain.shared;

/** Base of every exception the core throws on purpose; adapters translate these to each surface's error shape. */
public abstract class DomainException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected DomainException(String message) {
        super(message, null, false, false);
    }
}
