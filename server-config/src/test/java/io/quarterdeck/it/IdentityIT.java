package io.quarterdeck.it;

import static io.quarterdeck.it.Server.bearer;
import static io.quarterdeck.it.Server.fromNewClient;
import static io.quarterdeck.it.Server.json;
import static io.quarterdeck.it.Server.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarterdeck.it.Server.Reply;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Identities over HTTP on the running server: the owner from first start, sign-in on every surface, one-time refresh
 * tokens, logout and password change, service clients, API keys and the team of seed 001, and the audit log.
 */
class IdentityIT {
    static final String OWNER_PASSWORD = Server.env("QUARTERDECK_BOOTSTRAP_OWNER_PASSWORD", "");

    static JsonObject login(String username, String password) {
        Reply r = send(fromNewClient("/api/v1/auth/login").header("Content-Type", "application/json")
                .POST(json("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}")));
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    static String ownerToken() {
        return login("owner", OWNER_PASSWORD).getString("access_token");
    }

    /** A new person with the role, invited by the owner and accepted; returns their access token. */
    static String personWithRole(String role) {
        String owner = ownerToken();
        String name = role + "-" + UUID.randomUUID().toString().substring(0, 8);
        Reply invited = send(bearer("/api/settings/team/invite", owner).header("Content-Type", "application/json")
                .POST(json("{\"email\":\"" + name + "@example.com\",\"role\":\"" + role + "\"}")));
        assertEquals(201, invited.status(), invited.body());
        String token = invited.json().getJsonObject("data").getString("token");
        Reply accepted = send(fromNewClient("/api/settings/team/accept").header("Content-Type", "application/json")
                .POST(json("{\"token\":\"" + token + "\",\"username\":\"" + name + "\",\"password\":\"pw-" + name
                        + "\",\"name\":\"" + name + "\"}")));
        assertEquals(201, accepted.status(), accepted.body());
        assertEquals(role, accepted.json().getJsonObject("data").getString("role"));
        return login(name, "pw-" + name).getString("access_token");
    }

    static Reply postJson(String path, String token, String body) {
        return send(bearer(path, token).header("Content-Type", "application/json").POST(json(body)));
    }

    @Test
    void the_owner_signs_in_on_every_surface_with_the_same_account() {
        JsonObject pair = login("owner", OWNER_PASSWORD);
        assertEquals("bearer", pair.getString("token_type"));
        assertEquals(900, pair.getInt("expires_in"));
        assertTrue(pair.getString("refresh_token").startsWith("qdr_"));
        String[] parts = pair.getString("access_token").split("\\.");
        JsonObject header = Server.parse(new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8));
        JsonObject claims = Server.parse(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        assertEquals("RS256", header.getString("alg"));
        assertNotNull(header.getString("kid"));
        for (String c : new String[] {"sub", "upn", "groups", "role", "type", "iss", "exp", "iat", "jti"}) {
            assertTrue(claims.containsKey(c), "claim " + c + " in " + claims);
        }
        assertEquals("owner", claims.getString("role"));
        assertEquals("user", claims.getString("type"));
        assertEquals(900, claims.getJsonNumber("exp").longValue() - claims.getJsonNumber("iat").longValue());

        Reply form = send(fromNewClient("/api/v1/auth/token").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(json("grant_type=password&username=owner&password="
                        + URLEncoder.encode(OWNER_PASSWORD, StandardCharsets.UTF_8))));
        assertEquals(200, form.status(), form.body());
        Reply jsonToken = send(fromNewClient("/api/v1/auth/token").header("Content-Type", "application/json")
                .POST(json("{\"username\":\"OWNER\",\"password\":\"" + OWNER_PASSWORD + "\"}")));
        assertEquals(200, jsonToken.status(), jsonToken.body());
        Reply badGrant = send(fromNewClient("/api/v1/auth/token").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(json("grant_type=implicit")));
        assertEquals(400, badGrant.status(), badGrant.body());

        Reply cluster = send(fromNewClient("/cluster-ai/auth/login").header("Content-Type", "application/json")
                .POST(json("{\"username\":\"owner\",\"password\":\"" + OWNER_PASSWORD + "\"}")));
        assertEquals(200, cluster.status(), cluster.body());
        assertEquals("bearer", cluster.json().getString("token_type"));
        assertEquals(2, cluster.json().size(), "002 answers exactly access_token and token_type");
        Reply me = send(bearer("/cluster-ai/auth/me", cluster.json().getString("access_token")).GET());
        assertEquals(200, me.status(), me.body());
        assertEquals("owner", me.json().getString("username"));
        assertFalse(me.json().getBoolean("disabled"));

        Reply v1me = send(bearer("/api/v1/auth/me", form.json().getString("access_token")).GET());
        assertEquals(200, v1me.status(), v1me.body());
        assertEquals("owner", v1me.json().getString("role"));
        assertTrue(v1me.json().getBoolean("is_active"));
    }

    @Test
    void wrong_credentials_answer_401_in_each_surfaces_shape() {
        Reply v1 = send(fromNewClient("/api/v1/auth/login").header("Content-Type", "application/json")
                .POST(json("{\"username\":\"owner\",\"password\":\"wrong-password\"}")));
        assertEquals(401, v1.status());
        assertEquals("UNAUTHORIZED", v1.json().getJsonObject("error").getString("code"));
        assertEquals("Invalid username or password", v1.json().getJsonObject("error").getString("message"));
        Reply cluster = send(fromNewClient("/cluster-ai/auth/login").header("Content-Type", "application/json")
                .POST(json("{\"username\":\"nobody\",\"password\":\"whatever1\"}")));
        assertEquals(401, cluster.status());
        assertEquals("Invalid username or password", cluster.json().getString("detail"));
        Reply missing = send(fromNewClient("/api/v1/auth/login").header("Content-Type", "application/json")
                .POST(json("{\"username\":\"owner\"}")));
        assertEquals(400, missing.status());
        assertEquals("password", missing.json().getJsonObject("error").getJsonObject("details").getString("field"));
        Reply notJson = send(fromNewClient("/api/v1/auth/login").header("Content-Type", "application/json")
                .POST(json("[1,2]")));
        assertEquals(400, notJson.status(), notJson.body());
    }

    @Test
    void a_refresh_token_works_once_and_its_reuse_revokes_the_family_and_is_audited() {
        JsonObject first = login("owner", OWNER_PASSWORD);
        String refresh = first.getString("refresh_token");
        Reply second = send(fromNewClient("/api/v1/auth/refresh").header("Content-Type", "application/json")
                .POST(json("{\"refresh_token\":\"" + refresh + "\"}")));
        assertEquals(200, second.status(), second.body());
        assertNotEquals(refresh, second.json().getString("refresh_token"));

        Reply reuse = send(fromNewClient("/api/v1/auth/refresh").header("Content-Type", "application/json")
                .POST(json("{\"refresh_token\":\"" + refresh + "\"}")));
        assertEquals(401, reuse.status(), reuse.body());
        Reply afterReuse = send(fromNewClient("/api/v1/auth/refresh").header("Content-Type", "application/json")
                .POST(json("{\"refresh_token\":\"" + second.json().getString("refresh_token") + "\"}")));
        assertEquals(401, afterReuse.status(), "the family is revoked: " + afterReuse.body());

        Reply audit = send(bearer("/api/v1/audit?action=auth.refresh&limit=20", ownerToken()).GET());
        assertEquals(200, audit.status(), audit.body());
        assertTrue(audit.body().contains("refresh token reuse"), audit.body());
        assertFalse(audit.body().contains(refresh), "the audit log never holds a token");
    }

    @Test
    void logout_revokes_the_access_token_at_once() {
        JsonObject pair = login("owner", OWNER_PASSWORD);
        String access = pair.getString("access_token");
        assertEquals(200, send(bearer("/api/v1/auth/me", access).GET()).status());
        Reply out = postJson("/api/v1/auth/logout", access, "{\"refresh_token\":\"" + pair.getString("refresh_token") + "\"}");
        assertEquals(204, out.status(), out.body());
        Reply after = send(bearer("/api/v1/auth/me", access).GET());
        assertEquals(401, after.status(), "revoked jti: " + after.body());
        assertEquals("Bearer realm=\"quarterdeck\"", after.header("WWW-Authenticate"));
        Reply refresh = send(fromNewClient("/api/v1/auth/refresh").header("Content-Type", "application/json")
                .POST(json("{\"refresh_token\":\"" + pair.getString("refresh_token") + "\"}")));
        assertEquals(401, refresh.status());
    }

    @Test
    void a_password_change_revokes_earlier_tokens_and_the_new_password_works() {
        String token = personWithRole("viewer");
        JsonObject me = Server.parse(send(bearer("/api/v1/auth/me", token).GET()).body());
        String username = me.getString("username");
        Reply wrong = postJson("/api/v1/auth/change-password", token,
                "{\"current_password\":\"nope\",\"new_password\":\"brand-new-pass\"}");
        assertEquals(400, wrong.status());
        Reply ok = postJson("/api/v1/auth/change-password", token,
                "{\"current_password\":\"pw-" + username + "\",\"new_password\":\"brand-new-pass\"}");
        assertEquals(204, ok.status(), ok.body());
        assertEquals(401, send(bearer("/api/v1/auth/me", token).GET()).status());
        String fresh = login(username, "brand-new-pass").getString("access_token");
        Reply profile = send(bearer("/api/v1/auth/me", fresh).header("Content-Type", "application/json")
                .PUT(json("{\"full_name\":\"Vera Viewer\",\"email\":\"vera-" + username + "@example.com\"}")));
        assertEquals(200, profile.status(), profile.body());
        assertEquals("Vera Viewer", profile.json().getString("full_name"));
        Reply roleEscalation = send(bearer("/api/v1/auth/me", fresh).header("Content-Type", "application/json")
                .PUT(json("{\"role\":\"owner\"}")));
        assertEquals(400, roleEscalation.status());
    }

    @Test
    void self_registration_is_off_by_default_with_a_clear_403() {
        Reply r = send(fromNewClient("/api/v1/auth/register").header("Content-Type", "application/json")
                .POST(json("{\"username\":\"mallory\",\"email\":\"m@example.com\",\"password\":\"whatever-123\"}")));
        assertEquals(403, r.status(), r.body());
        assertTrue(r.json().getJsonObject("error").getString("message").contains("disabled"), r.body());
    }

    @Test
    void a_service_client_gets_tokens_by_client_credentials_and_survives_rotation() {
        String owner = ownerToken();
        Reply created = postJson("/api/v1/service-clients", owner, "{\"name\":\"copilot\",\"scopes\":[\"read\"]}");
        assertEquals(201, created.status(), created.body());
        String id = created.json().getString("client_id");
        String secret = created.json().getString("client_secret");
        Reply listed = send(bearer("/api/v1/service-clients", owner).GET());
        assertFalse(listed.body().contains(secret), "a secret is shown once");

        Reply form = send(fromNewClient("/api/v1/auth/service").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(json("client_id=" + id + "&client_secret=" + secret)));
        assertEquals(200, form.status(), form.body());
        assertFalse(form.json().containsKey("refresh_token"));
        assertEquals("service", form.json().getString("role"));
        String svc = form.json().getString("access_token");
        assertEquals(200, send(bearer("/api/errors", svc).GET()).status(), "read scope reads errors");
        assertEquals(403, send(bearer("/api/errors/nope/resolve", svc).PUT(json(""))).status(), "but cannot write");
        assertEquals(403, send(bearer("/api/v1/auth/me", svc).GET()).status(), "a machine has no profile");

        Reply rotated = send(bearer("/api/v1/service-clients/" + id + "/rotate-secret", owner).POST(json("")));
        assertEquals(200, rotated.status(), rotated.body());
        String newSecret = rotated.json().getString("client_secret");
        for (String s : new String[] {secret, newSecret}) {
            Reply r = send(fromNewClient("/api/v1/auth/service").header("Content-Type", "application/json")
                    .POST(json("{\"client_id\":\"" + id + "\",\"client_secret\":\"" + s + "\"}")));
            assertEquals(200, r.status(), "both secrets work during rotation: " + r.body());
        }
        Reply bad = send(fromNewClient("/api/v1/auth/service").header("Content-Type", "application/json")
                .POST(json("{\"client_id\":\"" + id + "\",\"client_secret\":\"guess\"}")));
        assertEquals(401, bad.status());
    }

    @Test
    void seed_001_api_keys_are_shown_once_work_at_once_and_die_at_once() {
        String owner = ownerToken();
        Reply created = postJson("/api/settings/api-keys", owner,
                "{\"name\":\"Development Key\",\"permissions\":[\"read\"],\"expires_at\":\"2099-12-31T23:59:59Z\"}");
        assertEquals(201, created.status(), created.body());
        JsonObject key = created.json().getJsonObject("data");
        String secret = key.getString("key");
        assertTrue(key.getString("key_preview").matches("qdk_\\*\\*\\*\\*.{4}"), key.toString());
        assertEquals(secret.substring(secret.length() - 4), key.getString("key_preview").substring(8));
        assertEquals("2099-12-31T23:59:59Z", key.getString("expires_at"));
        assertTrue(key.containsKey("last_used") && key.isNull("last_used"), "never used: null, not missing: " + key);

        Reply withKey = send(fromNewClient("/api/errors").header("X-API-Key", secret).GET());
        assertEquals(200, withKey.status(), withKey.body());
        Reply cannotWrite = send(fromNewClient("/api/errors").header("X-API-Key", secret)
                .header("Content-Type", "application/json")
                .POST(json("{\"level\":\"error\",\"message\":\"m\",\"source\":\"s\"}")));
        assertEquals(403, cannotWrite.status());
        assertEquals("error", cannotWrite.json().getString("status"));

        Reply list = send(bearer("/api/settings/api-keys", owner).GET());
        assertEquals(200, list.status());
        assertFalse(list.body().contains(secret));
        JsonObject listed = list.json().getJsonObject("data").getJsonArray("api_keys").stream()
                .map(v -> v.asJsonObject()).filter(o -> o.getString("id").equals(key.getString("id"))).findFirst()
                .orElseThrow();
        assertNotNull(listed.getString("last_used", null), "last_used is kept: " + listed);
        assertEquals("read", listed.getJsonArray("permissions").getString(0));

        Reply revoked = send(bearer("/api/settings/api-keys/" + key.getString("id"), owner).DELETE());
        assertEquals(200, revoked.status(), revoked.body());
        Reply after = send(fromNewClient("/api/errors").header("X-API-Key", secret).GET());
        assertEquals(401, after.status(), "revocation takes effect at once");
        assertEquals(404, send(bearer("/api/settings/api-keys/" + key.getString("id"), owner).DELETE()).status());
        Reply badScope = postJson("/api/settings/api-keys", owner, "{\"name\":\"x\",\"permissions\":[\"root\"]}");
        assertEquals(400, badScope.status());
        assertEquals("error", badScope.json().getString("status"));
    }

    @Test
    void the_team_lists_members_and_invitations_and_an_invitation_works_once() {
        String owner = ownerToken();
        Reply invited = postJson("/api/settings/team/invite", owner, "{\"email\":\"Newuser@Company.com\",\"role\":\"developer\"}");
        assertEquals(201, invited.status(), invited.body());
        JsonObject inv = invited.json().getJsonObject("data");
        assertEquals("newuser@company.com", inv.getString("email"));
        Reply team = send(bearer("/api/settings/team", owner).GET());
        assertTrue(team.body().contains("\"status\":\"invited\""), team.body());
        assertTrue(team.body().contains("\"role\":\"owner\""), team.body());
        assertFalse(team.body().contains(inv.getString("token")));

        String accept = "{\"token\":\"" + inv.getString("token") + "\",\"username\":\"newuser\",\"password\":\"newuser-pass\"}";
        Reply first = send(fromNewClient("/api/settings/team/accept").header("Content-Type", "application/json").POST(json(accept)));
        assertEquals(201, first.status(), first.body());
        Reply again = send(fromNewClient("/api/settings/team/accept").header("Content-Type", "application/json").POST(json(
                accept.replace("newuser\"", "other\""))));
        assertEquals(409, again.status(), again.body());
        assertEquals("developer", login("newuser", "newuser-pass").getString("role"));
        Reply duplicate = postJson("/api/settings/team/invite", owner, "{\"email\":\"newuser@company.com\",\"role\":\"viewer\"}");
        assertEquals(409, duplicate.status());
        Reply badRole = postJson("/api/settings/team/invite", owner, "{\"email\":\"x@company.com\",\"role\":\"god\"}");
        assertEquals(400, badRole.status());
    }

    @Test
    void admins_cannot_create_admins_and_the_audit_log_records_who_did_what() {
        String admin = personWithRole("admin");
        String adminName = Server.parse(send(bearer("/api/v1/auth/me", admin).GET()).body()).getString("username");
        Reply escalate = postJson("/api/settings/team/invite", admin, "{\"email\":\"a2@example.com\",\"role\":\"admin\"}");
        assertEquals(403, escalate.status(), escalate.body());

        send(fromNewClient("/api/v1/auth/login").header("Content-Type", "application/json")
                .POST(json("{\"username\":\"audit-probe\",\"password\":\"not-the-password\"}")));
        Reply audit = send(bearer("/api/v1/audit?actor=audit-probe", ownerToken()).GET());
        assertEquals(200, audit.status(), audit.body());
        JsonObject rec = audit.json().getJsonArray("items").getJsonObject(0);
        assertEquals("auth.login", rec.getString("action"));
        assertEquals(401, rec.getInt("outcome"));
        assertEquals("POST", rec.getString("method"));
        assertEquals("/api/v1/auth/login", rec.getString("path"));
        assertTrue(rec.getString("ip").startsWith("10.77."), rec.toString());
        assertNotNull(rec.getString("request_id"));
        assertFalse(audit.body().contains("not-the-password"));

        // This test's own refusal: the admin created above, by name (another test's 403 cannot satisfy it).
        Reply refused = send(bearer("/api/v1/audit?action=team.invite&actor=" + adminName + "&limit=5", ownerToken())
                .GET());
        assertEquals(200, refused.status(), refused.body());
        JsonObject own = refused.json().getJsonArray("items").getJsonObject(0);
        assertEquals(adminName, own.getString("actor"));
        assertEquals(403, own.getInt("outcome"));
        assertEquals(403, send(bearer("/api/v1/audit", personWithRole("operator")).GET()).status());
        Reply badQuery = send(bearer("/api/v1/audit?limit=100000", ownerToken()).GET());
        assertEquals(400, badQuery.status());
        assertNull(badQuery.header("X-Powered-By"));
    }

    @Test
    void a_refused_request_is_audited_under_the_caller_and_a_refused_token_leaves_nothing_of_itself() {
        String viewer = personWithRole("viewer");
        String name = Server.parse(send(bearer("/api/v1/auth/me", viewer).GET()).body()).getString("username");
        assertEquals(403, send(bearer("/api/v1/audit", viewer).GET()).status());
        Reply mine = send(bearer("/api/v1/audit?actor=" + name, ownerToken()).GET());
        assertEquals(200, mine.status(), mine.body());
        JsonObject refusal = null;
        for (var item : mine.json().getJsonArray("items")) {
            if (item.asJsonObject().getInt("outcome") == 403) {
                refusal = item.asJsonObject();
            }
        }
        assertNotNull(refusal, "the 403 is recorded under the person who was refused: " + mine.body());
        assertEquals("viewer", refusal.getString("role"));
        assertEquals("/api/v1/audit", refusal.getString("path"));
        assertTrue(refusal.getString("summary").contains("lacks the admin role"), refusal.toString());

        String[] parts = viewer.split("\\.");
        char c = parts[2].charAt(10);
        String tampered = parts[0] + "." + parts[1] + "." + parts[2].substring(0, 10) + (c == 'A' ? 'B' : 'A')
                + parts[2].substring(11);
        String requestId = UUID.randomUUID().toString();
        assertEquals(401, send(bearer("/api/v1/auth/me", tampered).header("X-Request-ID", requestId).GET()).status());
        Reply log = send(bearer("/api/v1/audit?actor=anonymous&limit=500", ownerToken()).GET());
        assertEquals(200, log.status(), log.body());
        JsonObject record = null;
        for (var item : log.json().getJsonArray("items")) {
            if (requestId.equals(item.asJsonObject().getString("request_id", null))) {
                record = item.asJsonObject();
            }
        }
        assertNotNull(record, "the refused token's request is audited");
        String summary = record.getString("summary", "");
        assertTrue(summary.contains("bad signature"), summary);
        for (int i = 0; i + 8 <= tampered.length(); i++) {
            assertFalse(summary.contains(tampered.substring(i, i + 8)), "the audit summary quotes the token: " + summary);
        }
    }
}
