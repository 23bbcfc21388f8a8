package io.quarterdeck.it;

import static io.quarterdeck.it.Server.bearer;
import static io.quarterdeck.it.Server.json;
import static io.quarterdeck.it.Server.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every protected endpoint against every role of the ladder: allowed roles get past authorization (2xx, or the
 * domain's "... not found" for the deliberately missing ids used to keep the calls harmless; a 404 for a path that
 * no longer exists is a failure), the others get 403. Prints the matrix.
 */
class RoleMatrixIT {
    static final List<String> LADDER = List.of("viewer", "developer", "operator", "admin", "owner");
    static final Map<String, String> TOKENS = new LinkedHashMap<>();

    record Row(String name, String minimum, Function<String, HttpRequest.Builder> request) {
    }

    @BeforeAll
    static void signInEveryRole() {
        for (String role : LADDER) {
            TOKENS.put(role, role.equals("owner") ? IdentityIT.ownerToken() : IdentityIT.personWithRole(role));
        }
    }

    private static Row get(String path, String minimum) {
        return new Row("GET " + path, minimum, t -> bearer(path, t).GET());
    }

    private static Row send(String verb, String path, String body, String minimum) {
        return new Row(verb + " " + path, minimum, t -> bearer(path, t).header("Content-Type", "application/json")
                .method(verb, body == null ? HttpRequest.BodyPublishers.noBody() : json(body)));
    }

    static List<Row> rows() {
        return List.of(
                get("/api/errors?limit=1", "viewer"),
                get("/api/errors/missing-id", "viewer"),
                send("PUT", "/api/errors/missing-id/resolve", null, "developer"),
                send("DELETE", "/api/errors/missing-id", null, "developer"),
                send("POST", "/api/errors", "{\"level\":\"error\",\"message\":\"role matrix\",\"source\":\"matrix\"}",
                        "developer"),
                get("/api/settings/api-keys", "admin"),
                send("DELETE", "/api/settings/api-keys/missing-id", null, "admin"),
                get("/api/settings/team", "admin"),
                new Row("POST /api/settings/team/invite", "admin", t -> bearer("/api/settings/team/invite", t)
                        .header("Content-Type", "application/json").POST(json("{\"email\":\"m-"
                                + UUID.randomUUID() + "@example.com\",\"role\":\"viewer\"}"))),
                get("/api/v1/api-keys", "admin"),
                send("DELETE", "/api/v1/api-keys/missing-id", null, "admin"),
                get("/api/v1/service-clients", "admin"),
                send("DELETE", "/api/v1/service-clients/missing-id", null, "admin"),
                send("POST", "/api/v1/service-clients/missing-id/rotate-secret", null, "admin"),
                get("/api/v1/users", "admin"),
                send("PATCH", "/api/v1/users/missing-id", "{\"role\":\"viewer\"}", "admin"),
                get("/api/v1/audit?limit=1", "admin"),
                send("POST", "/api/v1/auth/keys/rotate", null, "admin"),
                get("/api/v1/auth/me", "viewer"),
                get("/cluster-ai/auth/me", "viewer"),
                get("/api/v1/containers", "viewer"),
                send("POST", "/api/v1/containers/missing-id/action", "{\"action\":\"start\"}", "operator"),
                get("/api/v1/containers/missing-id/logs", "viewer"),
                get("/api/v1/docker/local/containers", "viewer"),
                send("POST", "/api/v1/docker/local/containers/missing-id/restart", null, "operator"),
                get("/api/v1/docker/missing-id/containers/missing-id/logs", "viewer"),
                get("/api/v1/servers", "viewer"),
                get("/api/v1/servers/missing-id", "viewer"),
                send("PUT", "/api/v1/servers/missing-id", "{\"description\":\"x\"}", "admin"),
                send("DELETE", "/api/v1/servers/missing-id", null, "admin"));
    }

    @Test
    void every_endpoint_times_every_role() {
        List<String> wrong = new ArrayList<>();
        StringBuilder matrix = new StringBuilder("| endpoint | " + String.join(" | ", LADDER) + " |\n|---|"
                + "---|".repeat(LADDER.size()) + "\n");
        for (Row row : rows()) {
            matrix.append("| ").append(row.name());
            for (String role : LADDER) {
                Server.Reply reply = Server.send(row.request().apply(TOKENS.get(role)));
                int status = reply.status();
                boolean allowed = LADDER.indexOf(role) >= LADDER.indexOf(row.minimum());
                boolean ok = allowed ? status / 100 == 2 || missingThing(row, reply) : status == 403;
                if (!ok) {
                    wrong.add(row.name() + " as " + role + ": " + status);
                }
                matrix.append(" | ").append(status);
            }
            matrix.append(" |\n");
        }
        System.out.println(matrix);
        assertEquals(List.of(), wrong);
    }

    /**
     * A 404 counts as "allowed" only for a row that names a deliberately missing id, and only when the endpoint
     * itself said the thing is missing ("Api key not found"): the router's 404 for a vanished path says "Not found".
     */
    static boolean missingThing(Row row, Server.Reply reply) {
        return reply.status() == 404 && row.name().contains("missing-id") && reply.body().contains(" not found");
    }

    @Test
    void a_vanished_endpoint_is_not_counted_as_allowed() {
        Row vanished = get("/api/v1/no-such-endpoint/missing-id", "viewer");
        Server.Reply reply = Server.send(vanished.request().apply(TOKENS.get("owner")));
        assertEquals(404, reply.status());
        assertFalse(missingThing(vanished, reply), reply.body());
        Row real = get("/api/errors/missing-id", "viewer");
        assertTrue(missingThing(real, Server.send(real.request().apply(TOKENS.get("owner")))));
    }
}
