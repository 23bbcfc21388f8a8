package io.quarterdeck.application.port.in.apikeys;

import io.quarterdeck.domain.identity.ApiKeyPrincipal;
import java.util.Optional;

/** Proves a presented API key; empty when it is unknown, wrong, revoked or expired. */
public interface AuthenticateApiKeyUseCase {
    Optional<ApiKeyPrincipal> authenticate(String presentedKey);
}
