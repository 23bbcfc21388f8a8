package io.quarterdeck.it;

import static io.quarterdeck.it.Server.bearer;
import static io.quarterdeck.it.Server.json;
import static io.quarterdeck.it.Server.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Seed 003's {@code GET/POST /api/v1/system/config} on the running server: admin only, every key with its source,
 * secrets redacted; runtime changes validated, applied, kept and audited; Quarterdeck's own log collected into the
 * store; the version from the build.
 */
class SystemConfigIT {
    private static final String CONFIG = "/api/v1/system/config";

    static Server.Reply post(String token, String body) {
        return send(bearer(CONFIG, token).header("Content-Type", "application/json").POST(json(body)));
    }

    static Map<String, JsonObject> settings(JsonObject body) {
        Map<String, JsonObject> out = new HashMap<>();
        for (JsonValue v : body.getJsonArray("settings")) {
            out.put(v.asJsonObject().getString("key"), v.asJsonObject());
        }
        return out;
    }

    @Test
    void admins_see_every_setting_with_secrets_redacted_and_others_are_refused() {
        String owner = IdentityIT.ownerToken();
        Server.Reply r = send(bearer(CONFIG, owner).GET());
        assertEquals(200, r.status(), r.body());
        Map<String, JsonObject> s = settings(r.json());
        assertTrue(s.containsKey("quarterdeck.logs.retention-hours"), r.body());
        assertTrue(s.containsKey("quarterdeck.bootstrap-api-key"), r.body());
        assertFalse(r.body().contains(Server.API_KEY), "the bootstrap API key is never shown");
        if (!IdentityIT.OWNER_PASSWORD.isBlank()) {
            assertFalse(r.body().contains(IdentityIT.OWNER_PASSWORD), "nor the owner's password");
        }
        JsonObject key = s.get("quarterdeck.bootstrap-api-key");
        assertTrue(key.getBoolean("secret"));
        if (!key.isNull("value")) {
            assertEquals("********", key.getString("value"));
        }
        assertTrue(s.get("quarterdeck.log.level").getBoolean("changeable"));
        assertFalse(s.get("quarterdeck.jwt.issuer").getBoolean("changeable"));
        assertFalse(s.get("quarterdeck.jwt.issuer").isNull("source"));
        String rabbit = s.get("quarterdeck.rabbitmq.url").isNull("value") ? ""
                : s.get("quarterdeck.rabbitmq.url").getString("value");
        assertFalse(rabbit.matches(".*://[^*@/]+:[^*@/]+@.*"), "no credentials in URLs: " + rabbit);

        assertEquals(403, send(bearer(CONFIG, IdentityIT.personWithRole("operator")).GET()).status());
        assertEquals(401, send(Server.fromNewClient(CONFIG).GET()).status());
        Server.Reply viaKey = Server.get(CONFIG);
        assertEquals(403, viaKey.status(), "an API key has scopes, not the admin role: " + viaKey.body());
    }

    @Test
    void a_runtime_change_is_applied_kept_and_audited_and_other_keys_are_refused_naming_them() throws Exception {
        String owner = IdentityIT.ownerToken();
        Server.Reply changed = post(owner, "{\"quarterdeck.logs.retention-hours\":336,"
                + "\"quarterdeck.logs.self-level\":\"INFO\"}");
        assertEquals(200, changed.status(), changed.body());
        JsonObject first = changed.json().getJsonArray("changed").getJsonObject(0);
        assertEquals("quarterdeck.logs.retention-hours", first.getString("key"));
        assertEquals("336", first.getString("new_value"));
        JsonObject now = settings(send(bearer(CONFIG, owner).GET()).json()).get("quarterdeck.logs.retention-hours");
        assertEquals("336", now.getString("value"));
        assertEquals("runtime", now.getString("source"));

        Server.Reply audit = send(bearer("/api/v1/audit?action=system.config", owner).GET());
        assertEquals(200, audit.status(), audit.body());
        assertTrue(audit.body().contains("quarterdeck.logs.retention-hours: ") && audit.body().contains("-> 336"),
                audit.body());
        assertTrue(audit.body().contains("\"owner\""), "names who: " + audit.body());

        // Quarterdeck's own log (now collected from INFO) holds the change, as the source "quarterdeck".
        assertEquals(200, post(owner, "{\"quarterdeck.metrics.sample-seconds\":\"5\"}").status());
        boolean found = false;
        for (int i = 0; i < 40 && !found; i++) {
            Server.Reply logs = Server.get("/api/v1/logs/quarterdeck?search=sample-seconds&level=INFO");
            found = logs.status() == 200 && logs.body().contains("quarterdeck.metrics.sample-seconds is now 5");
            if (!found) {
                Thread.sleep(250);
            }
        }
        assertTrue(found, "the own log line reached GET /api/v1/logs/quarterdeck");
        assertTrue(Server.get("/api/v1/logs/services").body().contains("\"quarterdeck\""));

        Server.Reply refused = post(owner, "{\"quarterdeck.jwt.issuer\":\"evil\"}");
        assertEquals(400, refused.status(), refused.body());
        assertTrue(refused.body().contains("quarterdeck.jwt.issuer"), refused.body());
        assertTrue(refused.json().containsKey("error"), "seed 003's error shape: " + refused.body());
        Server.Reply bad = post(owner, "{\"quarterdeck.metrics.sample-seconds\":0}");
        assertEquals(400, bad.status(), bad.body());
        assertTrue(bad.body().contains("quarterdeck.metrics.sample-seconds"), bad.body());
        assertEquals(400, post(owner, "{\"quarterdeck.log.level\":\"LOUD\"}").status());
        assertEquals(400, post(owner, "{\"no.such.key\":\"1\"}").status());
        assertEquals(400, post(owner, "[]").status());
        assertEquals(400, post(owner, "{}").status());
        assertEquals(403, post(IdentityIT.personWithRole("operator"), "{\"quarterdeck.log.level\":\"INFO\"}").status());

        // put things back as they were, for whoever runs next
        assertEquals(200, post(owner, "{\"quarterdeck.logs.retention-hours\":168,"
                + "\"quarterdeck.logs.self-level\":\"WARNING\"}").status());
    }

    @Test
    void the_version_comes_from_the_build() {
        JsonObject info = Server.get("/api/v1/system/info").json();
        String version = info.getString("version");
        assertNotEquals("unknown", version);
        assertTrue(version.matches("\\d+\\.\\d+\\.\\d+.*"), version);
        assertEquals(version, Server.parse(send(bearer("/api/v1/system/health", IdentityIT.ownerToken()).GET()).body())
                .getString("version"));
    }
}
