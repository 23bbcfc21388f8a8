package io.quarterdeck.it;

import io.quarterdeck.adapters.docker.testing.DockerCli;
import io.quarterdeck.adapters.docker.testing.TcpToUnixRelay;

import static io.quarterdeck.it.Server.bearer;
import static io.quarterdeck.it.Server.json;
import static io.quarterdeck.it.Server.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarterdeck.it.Server.Reply;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Seed 000's containers and seed 004's servers and Docker per server over HTTP, against the real Docker Engine the
 * test command starts (containers {@code qd18-*} from local/busybox:1, no network, removed afterwards). A registered
 * server's engine is the same dockerd behind a TCP relay in this JVM, which the tests stop and start again.
 */
class ContainersIT {
    private static String viewer;
    private static String operator;
    private static String admin;
    private final DockerCli docker = new DockerCli();

    @BeforeAll
    static void signIn() {
        viewer = IdentityIT.personWithRole("viewer");
        operator = IdentityIT.personWithRole("operator");
        admin = IdentityIT.personWithRole("admin");
    }

    @AfterEach
    void clean() {
        docker.removeAll();
    }

    private static Reply get(String path, String token) {
        return send(bearer(path, token).GET());
    }

    private static Reply post(String path, String token, String body) {
        return send(bearer(path, token).header("Content-Type", "application/json")
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : json(body)));
    }

    private static JsonObject container(Reply list, String name) {
        assertEquals(200, list.status(), list.body());
        return list.json().getJsonArray("containers").stream().map(v -> v.asJsonObject())
                .filter(c -> c.getString("name").equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not in " + list.body()));
    }

    @Test
    void the_list_has_running_containers_with_usage_and_stopped_ones_with_zero() {
        String busy = docker.start("busy", "while true; do :; done");
        String stopped = docker.start("stopped", "exit 0");
        waitFor(() -> docker.state(stopped).equals("exited"));
        Reply list = get("/api/v1/containers", viewer);
        JsonObject running = container(list, busy);
        assertEquals("running", running.getString("status"));
        assertEquals("local/busybox:1", running.getString("image"));
        assertTrue(running.getString("created").endsWith("Z"), running.toString());
        assertNotNull(running.getJsonArray("ports"));
        JsonObject r = running.getJsonObject("resources");
        assertTrue(r.getJsonNumber("memory_mb").doubleValue() > 0, r.toString());
        assertTrue(r.getJsonNumber("cpu_percent").doubleValue() > 5, "a busy loop uses CPU: " + r);
        for (String k : List.of("memory_percent", "network_rx_mb", "network_tx_mb")) {
            assertTrue(r.containsKey(k), k);
        }
        JsonObject exited = container(list, stopped);
        assertEquals("exited", exited.getString("status"));
        assertEquals(0.0, exited.getJsonObject("resources").getJsonNumber("memory_mb").doubleValue());
        assertEquals(0.0, exited.getJsonObject("resources").getJsonNumber("cpu_percent").doubleValue());
    }

    @Test
    void actions_change_the_state_answer_as_the_seed_and_are_refused_to_viewers_and_bad_input() {
        String name = docker.start("act", "trap 'exit 0' TERM; while true; do sleep 1; done");
        String path = "/api/v1/containers/" + name + "/action";
        Reply restarted = post(path, operator, "{\"action\":\"restart\"}");
        assertEquals(200, restarted.status(), restarted.body());
        assertTrue(restarted.json().getBoolean("success"));
        assertEquals("Container restarted successfully", restarted.json().getString("message"));
        assertEquals("running", docker.state(name));
        assertEquals(200, post(path, operator, "{\"action\":\"stop\"}").status());
        assertEquals("exited", docker.state(name));
        Reply again = post(path, operator, "{\"action\":\"stop\"}");
        assertEquals(200, again.status(), "stopping a stopped container is idempotent: " + again.body());
        assertEquals("Container started successfully", post(path, operator, "{\"action\":\"start\"}").json()
                .getString("message"));
        assertEquals("running", docker.state(name));

        Reply unknownAction = post(path, operator, "{\"action\":\"explode\"}");
        assertEquals(400, unknownAction.status());
        assertEquals("action", unknownAction.json().getJsonObject("error").getJsonObject("details").getString("field"));
        assertEquals(403, post(path, viewer, "{\"action\":\"stop\"}").status());
        assertEquals("running", docker.state(name));
        Reply missing = post("/api/v1/containers/qd18-no-such/action", operator, "{\"action\":\"start\"}");
        assertEquals(404, missing.status());
        assertEquals("RESOURCE_NOT_FOUND", missing.json().getJsonObject("error").getString("code"));
        assertEquals("qd18-no-such", missing.json().getJsonObject("error").getJsonObject("details")
                .getString("container_id"));

        Reply audit = get("/api/v1/audit?action=container.action&limit=50", admin);
        assertEquals(200, audit.status(), audit.body());
        assertTrue(audit.body().contains("restart container " + name), "the action is in the audit log");
    }

    @Test
    void logs_give_the_last_lines_with_timestamps_and_bound_lines() {
        String name = docker.start("logs", "for i in 1 2 3 4 5; do echo out-$i; done; sleep 1; echo err-6 >&2; sleep 600");
        String path = "/api/v1/containers/" + name + "/logs";
        waitFor(() -> get(path, viewer).body().contains("err-6"));
        Reply two = get(path + "?lines=2&follow=false", viewer);
        assertEquals(200, two.status(), two.body());
        List<String> lines = two.json().getString("logs").lines().toList();
        assertEquals(2, lines.size(), two.body());
        assertTrue(lines.get(0).matches("\\d{4}-\\d\\d-\\d\\dT\\S+Z out-5"), lines.get(0));
        assertTrue(lines.get(1).endsWith(" err-6"), lines.get(1));
        for (String bad : List.of("0", "10001", "ten")) {
            Reply refused = get(path + "?lines=" + bad, viewer);
            assertEquals(400, refused.status(), bad);
            assertEquals("lines", refused.json().getJsonObject("error").getJsonObject("details").getString("field"));
        }
        assertEquals(404, get("/api/v1/containers/qd18-no-such/logs", viewer).status());
    }

    @Test
    void follow_streams_lines_as_they_come_until_the_container_stops() throws Exception {
        String name = docker.start("follow", "echo first; sleep 3; echo second; sleep 600");
        HttpResponse<Stream<String>> r = Server.CLIENT.send(
                bearer("/api/v1/containers/" + name + "/logs?follow=true&lines=10", viewer).timeout(
                        java.time.Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofLines());
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        Iterator<String> lines = r.body().iterator();
        assertTrue(until(lines, l -> l.startsWith("data: ") && l.endsWith(" first")));
        long before = System.nanoTime();
        assertTrue(until(lines, l -> l.startsWith("data: ") && l.endsWith(" second")));
        assertTrue(System.nanoTime() - before > TimeUnit.SECONDS.toNanos(1), "second arrives when it is written");
        DockerCli.run("stop", "-t", "1", name);
        assertTrue(until(lines, l -> l.equals("event: end")), "the stream ends when the container stops");
    }

    private static boolean until(Iterator<String> lines, java.util.function.Predicate<String> match) {
        while (lines.hasNext()) {
            if (match.test(lines.next())) {
                return true;
            }
        }
        return false;
    }

    @Test
    void a_registered_tcp_server_is_managed_like_local_and_its_engine_going_away_is_a_503_then_recovers()
            throws Exception {
        String name = docker.start("remote", "echo from-remote; sleep 600");
        try (TcpToUnixRelay relay = new TcpToUnixRelay(Path.of("/var/run/docker.sock")).start()) {
            String serverName = "qd18-" + UUID.randomUUID().toString().substring(0, 8);
            Reply created = post("/api/v1/servers", admin, "{\"name\":\"" + serverName + "\",\"docker_url\":\""
                    + relay.url() + "\",\"description\":\"relay to the test dockerd\",\"tags\":[\"it\",\"qd18\"]}");
            assertEquals(201, created.status(), created.body());
            JsonObject server = created.json();
            String id = server.getString("id");
            assertEquals("unknown", server.getString("status"));
            assertEquals("127.0.0.1", server.getString("host"));
            assertEquals(List.of("it", "qd18"), server.getJsonArray("tags").getValuesAs(
                    jakarta.json.JsonString::getString));
            assertTrue(server.getString("created_at").endsWith("Z"));
            try {
                String base = "/api/v1/docker/" + id + "/containers";
                assertEquals("running", container(get(base, viewer), name).getString("status"));
                assertEquals("online", get("/api/v1/servers/" + id, viewer).json().getString("status"));
                Reply restarted = post(base + "/" + name + "/restart", operator, null);
                assertEquals(200, restarted.status(), restarted.body());
                assertEquals("Container restarted successfully", restarted.json().getString("message"));
                waitFor(() -> get(base + "/" + name + "/logs?lines=5", viewer).body().contains("from-remote"));

                relay.stop();
                Reply down = get(base, viewer);
                assertEquals(503, down.status(), down.body());
                assertNotNull(down.header("Retry-After"));
                assertEquals(id, down.json().getJsonObject("error").getJsonObject("details").getString("server_id"));
                assertEquals("offline", get("/api/v1/servers/" + id, viewer).json().getString("status"));
                assertEquals(200, send(Server.request("/health/ready").GET()).status(),
                        "an engine away does not make Quarterdeck unready");
                assertEquals(200, get("/api/v1/containers", viewer).status(), "the local engine is unaffected");

                relay.start();
                assertEquals("running", container(get(base, viewer), name).getString("status"));
                assertEquals("online", get("/api/v1/servers/" + id, viewer).json().getString("status"));
            } finally {
                assertEquals(204, send(bearer("/api/v1/servers/" + id, admin).DELETE()).status());
            }
            assertEquals(404, get("/api/v1/servers/" + id, viewer).status());
            Reply gone = get("/api/v1/docker/" + id + "/containers", viewer);
            assertEquals(404, gone.status());
            assertEquals(id, gone.json().getJsonObject("error").getJsonObject("details").getString("server_id"));
        }
    }

    @Test
    void servers_refuse_reserved_and_duplicate_names_bad_urls_and_non_admins_and_never_show_tls_paths() {
        for (String reserved : List.of("dashboards", "query", "alerts", "local", "Alerts")) {
            Reply r = post("/api/v1/servers", admin, "{\"name\":\"" + reserved
                    + "\",\"docker_url\":\"tcp://10.0.0.1:2375\"}");
            assertEquals(400, r.status(), reserved + ": " + r.body());
            assertEquals("name", r.json().getJsonObject("error").getJsonObject("details").getString("field"));
        }
        Reply badUrl = post("/api/v1/servers", admin, "{\"name\":\"qd18-bad\",\"docker_url\":\"http://x\"}");
        assertEquals(400, badUrl.status());
        assertEquals("docker_url", badUrl.json().getJsonObject("error").getJsonObject("details").getString("field"));
        assertEquals(403, post("/api/v1/servers", operator,
                "{\"name\":\"qd18-op\",\"docker_url\":\"tcp://10.0.0.1:2375\"}").status());

        String name = "qd18-tls-" + UUID.randomUUID().toString().substring(0, 8);
        Reply tls = post("/api/v1/servers", admin, "{\"name\":\"" + name + "\",\"docker_url\":\"tcp://10.0.0.9:2376\","
                + "\"tls_ca_path\":\"/etc/qd18/ca.pem\",\"tls_cert_path\":\"/etc/qd18/cert.pem\","
                + "\"tls_key_path\":\"/etc/qd18/key.pem\"}");
        assertEquals(201, tls.status(), tls.body());
        String id = tls.json().getString("id");
        try {
            assertTrue(tls.json().getBoolean("tls"));
            assertFalse(tls.body().contains("/etc/qd18"), "TLS paths are never returned: " + tls.body());
            assertFalse(get("/api/v1/servers", viewer).body().contains("/etc/qd18"));
            Reply duplicate = post("/api/v1/servers", admin, "{\"name\":\"" + name.toUpperCase()
                    + "\",\"docker_url\":\"tcp://10.0.0.1:2375\"}");
            assertEquals(409, duplicate.status(), duplicate.body());
            Reply renamed = send(bearer("/api/v1/servers/" + id, admin).header("Content-Type", "application/json")
                    .PUT(json("{\"description\":\"moved\",\"tags\":[\"b\"]}")));
            assertEquals(200, renamed.status(), renamed.body());
            assertEquals("moved", renamed.json().getString("description"));
            assertEquals(name, renamed.json().getString("name"));
            assertTrue(renamed.json().getBoolean("tls"), "fields not given keep their values");
        } finally {
            send(bearer("/api/v1/servers/" + id, admin).DELETE());
        }
    }

    @Test
    void the_local_engine_is_also_the_server_local() {
        String name = docker.start("local", "sleep 600");
        assertEquals("running", container(get("/api/v1/docker/local/containers", viewer), name).getString("status"));
        Reply stop = post("/api/v1/docker/local/containers/" + name + "/stop", operator, null);
        assertEquals(200, stop.status(), stop.body());
        assertEquals("exited", docker.state(name));
        Reply missing = get("/api/v1/docker/qd18-no-server/containers", viewer);
        assertEquals(404, missing.status());
        assertEquals("RESOURCE_NOT_FOUND", missing.json().getJsonObject("error").getString("code"));
    }

    static void waitFor(BooleanSupplier condition) {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("condition not met within 30 s");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
