package io.quarterdeck.adapters.rest.spine.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarterdeck.adapters.rest.spine.security.SocketAuthentication;
import io.quarterdeck.application.port.in.identity.AuthenticateUseCase;
import io.quarterdeck.application.port.in.identity.Authentication;
import io.quarterdeck.domain.identity.AuthenticationFailedException;
import io.quarterdeck.domain.identity.Caller;
import io.quarterdeck.domain.identity.Role;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SocketGateTest {
    private static final Caller VIEWER = Caller.user("u1", "vera", Role.VIEWER, "t1", Instant.parse("2030-01-01T00:00:00Z"));
    private static final Caller ADMIN = Caller.user("u2", "ada", Role.ADMIN, "t2", Instant.parse("2030-01-01T00:00:00Z"));

    private final AuthenticateUseCase tokens = new AuthenticateUseCase() {
        @Override
        public Authentication bearer(String token) {
            return credential(token);
        }

        @Override
        public Authentication apiKey(String key) {
            return credential(key);
        }

        @Override
        public Authentication basic(String username, String password) {
            return credential(password);
        }

        @Override
        public Authentication credential(String credential) {
            return switch (credential) {
                case "viewer-token" -> new Authentication(VIEWER, null);
                case "admin-token" -> new Authentication(ADMIN, null);
                default -> throw new AuthenticationFailedException("invalid token", "invalid");
            };
        }
    };
    private final SocketGate gate = new SocketGate(new SocketAuthentication(tokens));
    private final FakeSession client = new FakeSession();
    private final AtomicReference<Caller> admitted = new AtomicReference<>();

    @AfterEach
    void stop() {
        gate.stop();
    }

    @Test
    void a_credential_on_the_upgrade_request_admits_at_once() {
        client.properties.put(HandshakeCredentials.CREDENTIAL, "admin-token");
        gate.open(client.session, Role.OPERATOR, Set.of(), admitted::set);

        assertEquals(ADMIN, admitted.get());
        assertEquals(Optional.of(ADMIN), SocketGate.caller(client.session));
        assertFalse(gate.intercept(client.session, "{\"type\":\"subscribe\"}"), "later messages are the endpoint's");
    }

    @Test
    void a_first_auth_message_admits_and_is_consumed() {
        gate.open(client.session, Role.VIEWER, Set.of(), admitted::set);
        assertNull(admitted.get());
        assertTrue(client.sent.isEmpty(), "nothing is sent before authentication");

        assertTrue(gate.intercept(client.session, "{\"type\":\"auth\",\"token\":\"viewer-token\"}"));

        assertEquals(VIEWER, admitted.get());
        assertNull(client.closedWith);
    }

    @Test
    void bad_credentials_low_roles_and_other_first_messages_close_with_1008() {
        for (String first : List.of("{\"type\":\"auth\",\"token\":\"wrong\"}", "{\"type\":\"subscribe\"}", "not json",
                "{\"type\":\"auth\"}", "[1,2]", "{\"type\":\"auth\",\"token\":42}")) {
            FakeSession s = new FakeSession();
            gate.open(s.session, Role.VIEWER, Set.of(), admitted::set);
            assertTrue(gate.intercept(s.session, first));
            assertEquals(1008, s.closedWith.getCloseCode().getCode(), first);
        }
        FakeSession s = new FakeSession();
        gate.open(s.session, Role.ADMIN, Set.of(), admitted::set);
        gate.intercept(s.session, "{\"type\":\"auth\",\"token\":\"viewer-token\"}");
        assertEquals(1008, s.closedWith.getCloseCode().getCode());
        assertTrue(s.closedWith.getReasonPhrase().contains("admin"), s.closedWith.getReasonPhrase());
        assertNull(admitted.get());
    }

    @Test
    void credentials_are_read_from_bearer_or_api_key_headers() {
        assertEquals("abc", HandshakeCredentials.credentialOf(Map.of("authorization", List.of("Bearer abc"))));
        assertEquals("abc", HandshakeCredentials.credentialOf(Map.of("Authorization", List.of("bearer  abc "))));
        assertEquals("qdk_1", HandshakeCredentials.credentialOf(Map.of("X-API-Key", List.of("qdk_1"))));
        assertNull(HandshakeCredentials.credentialOf(Map.of("Authorization", List.of("Basic dTpw"))));
        assertNull(HandshakeCredentials.credentialOf(Map.of()));
    }
}
