package io.quarterdeck.adapters.rest.spine.socket;

import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Carries the credential of the upgrade request ({@code Authorization: Bearer ...} or {@code X-API-Key}) into the
 * session, for non-browser clients. Name it as the {@code configurator} of every {@code @ServerEndpoint}. Jakarta
 * WebSocket 2.1 gives each connection its own copy of the user properties, so concurrent upgrades do not mix.
 * Endpoint instances are still created by the container's default configurator (CDI beans on Liberty).
 */
public class HandshakeCredentials extends ServerEndpointConfig.Configurator {
    static final String CREDENTIAL = "io.quarterdeck.socket.credential";

    @Override
    public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
        super.modifyHandshake(config, request, response);
        String credential = credentialOf(request.getHeaders());
        if (credential != null) {
            config.getUserProperties().put(CREDENTIAL, credential);
        } else {
            config.getUserProperties().remove(CREDENTIAL);
        }
    }

    /** The bearer token or API key in the headers (names compared case-insensitively), or null. */
    static String credentialOf(Map<String, List<String>> headers) {
        String authorization = null;
        String apiKey = null;
        for (Map.Entry<String, List<String>> h : headers.entrySet()) {
            if (h.getKey() == null || h.getValue() == null || h.getValue().isEmpty()) {
                continue;
            }
            String name = h.getKey().toLowerCase(Locale.ROOT);
            if (name.equals("authorization")) {
                authorization = h.getValue().get(0);
            } else if (name.equals("x-api-key")) {
                apiKey = h.getValue().get(0);
            }
        }
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = authorization.substring(7).trim();
            if (!token.isEmpty()) {
                return token;
            }
        }
        return apiKey == null || apiKey.isBlank() ? null : apiKey.trim();
    }
}
