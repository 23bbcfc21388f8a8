package io.quarterdeck.application.port.in.identity;

import io.quarterdeck.domain.identity.Caller;

/**
 * A service client's id and secret as a credential on every request (HTTP basic auth: log shippers and Alertmanager
 * cannot fetch and refresh tokens). A proof is remembered for a short time so that a hot intake pays the memory-hard
 * hash once per client per minute; rotating or disabling the client forgets it at once.
 */
public interface AuthenticateServiceClientUseCase {
    /** @throws io.quarterdeck.domain.identity.AuthenticationFailedException for an unknown client, a wrong secret or a disabled client */
    Caller authenticateClient(String clientId, String secret);
}
