package io.quarterdeck.domain.identity;

import io.quarterdeck.domain.shared.DomainException;

/**
 * Credentials or a token were not accepted (401). The message is safe to show and deliberately does not say which
 * part was wrong; {@link #reason()} is for the audit log.
 */
public class AuthenticationFailedException extends DomainException {
    private static final long serialVersionUID = 1L;
    private final String reason;

    public AuthenticationFailedException(String message, String reason) {
        super(message);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
