package io.quarterdeck.it;

import static io.quarterdeck.it.Server.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * HTTP basic auth on the intakes, as Promtail, Grafana Alloy, Fluent Bit and Alertmanager send it (API-MAP): a service
 * client's id and secret, or any user name and an API key as the password. A wrong secret is a 401, a client without
 * the {@code ingest} scope a 403, each in the surface's error shape.
 */
class IntakeAuthIT {
    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static JsonObject client(String owner, String scopes) {
        Server.Reply created = IdentityIT.postJson("/api/v1/service-clients", owner,
                "{\"name\":\"" + LogsIT.unique("shipper") + "\",\"scopes\":[" + scopes + "]}");
        assertEquals(201, created.status(), created.body());
        return created.json();
    }

    static Server.Reply push(String authorization, String service, String line) {
        return send(Server.fromNewClient("/loki/api/v1/push").header("Authorization", authorization)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"streams\":[" + LogsIT.stream(service, "", Instant.now(), line) + "]}")));
    }

    @Test
    void a_service_client_with_ingest_pushes_with_basic_auth() {
        String owner = IdentityIT.ownerToken();
        JsonObject shipper = client(owner, "\"ingest\"");
        String service = LogsIT.unique("basic");
        String auth = basic(shipper.getString("client_id"), shipper.getString("client_secret"));
        Server.Reply pushed = push(auth, service, "ERROR shipped with basic auth");
        assertEquals(204, pushed.status(), pushed.body());
        assertEquals(204, push(auth, service, "again, from the remembered proof").status());
        JsonObject page = Server.get("/api/v1/logs/" + service).json();
        assertEquals(2, page.getInt("total"), page.toString());
    }

    @Test
    void an_api_key_as_the_basic_password_works_with_any_user_name() {
        String service = LogsIT.unique("basic-key");
        assertEquals(204, push(basic("promtail", Server.API_KEY), service, "INFO via key").status());
        assertEquals(1, Server.get("/api/v1/logs/" + service).json().getInt("total"));
    }

    @Test
    void a_wrong_secret_is_401_and_a_client_without_ingest_is_403_in_the_surfaces_shape() {
        String owner = IdentityIT.ownerToken();
        JsonObject shipper = client(owner, "\"ingest\"");
        Server.Reply wrong = push(basic(shipper.getString("client_id"), "not-the-secret"), "x", "nope");
        assertEquals(401, wrong.status(), wrong.body());
        assertTrue(wrong.json().containsKey("error"), "the spine's error shape for this path: " + wrong.body());
        assertTrue(wrong.body().contains("Invalid client credentials"), wrong.body());
        assertTrue(wrong.raw().headers().allValues("WWW-Authenticate").stream()
                .anyMatch(h -> h.startsWith("Basic")), wrong.raw().headers().toString());
        assertEquals(401, push(basic("nobody", "x"), "x", "nope").status());
        Server.Reply malformed = send(Server.fromNewClient("/loki/api/v1/push").header("Authorization", "Basic %%%")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertEquals(401, malformed.status(), malformed.body());

        JsonObject reader = client(owner, "\"read\"");
        Server.Reply forbidden = push(basic(reader.getString("client_id"), reader.getString("client_secret")), "x",
                "nope");
        assertEquals(403, forbidden.status(), forbidden.body());
        assertTrue(forbidden.json().containsKey("error"), forbidden.body());
        Server.Reply reads = send(Server.fromNewClient("/api/v1/logs/services").header("Authorization",
                basic(reader.getString("client_id"), reader.getString("client_secret"))).GET());
        assertEquals(200, reads.status(), "the same credential reads where its scope allows: " + reads.body());
    }
}
