package io.quarterdeck.application.port.in.identity;

/**
 * Credential to caller, for every inbound adapter alike (REST, WebSockets, agents, message listeners): a bearer token
 * (ours or the external issuer's, checked against the revocation list) or an API key.
 */
public interface AuthenticateUseCase {
    /**
     * @throws io.quarterdeck.domain.identity.AuthenticationFailedException for a bad, expired or revoked token
     * @throws io.quarterdeck.domain.identity.NotPermittedException for an external person none of whose groups maps
     */
    Authentication bearer(String token);

    /** @throws io.quarterdeck.domain.identity.AuthenticationFailedException for an unknown, revoked or expired key */
    Authentication apiKey(String key);

    /**
     * HTTP basic auth as log shippers send it: a password that is an API key ({@code qdk_...}; any user name), else a
     * service client's id (the user name) and secret.
     *
     * @throws io.quarterdeck.domain.identity.AuthenticationFailedException for a bad key or client credentials
     */
    Authentication basic(String username, String password);

    /** Either kind, told apart by the API key prefix: what a socket's first message or a listener receives. */
    Authentication credential(String credential);
}
