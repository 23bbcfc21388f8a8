package io.quarterdeck.application.port.in.identity;

import io.quarterdeck.domain.identity.User;

/** Self-registration: off unless configured; new accounts are viewers. */
public interface RegisterUseCase {
    /** @throws io.quarterdeck.domain.identity.NotPermittedException when registration is closed */
    User register(RegisterCommand command);
}
