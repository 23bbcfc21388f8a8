package io.quarterdeck.domain.identity;

import io.quarterdeck.domain.shared.DomainException;

/** The caller is known but may not do this (403), e.g. an admin granting the owner role. */
public class NotPermittedException extends DomainException {
    private static final long serialVersionUID = 1L;

    public NotPermittedException(String message) {
        super(message);
    }
}
