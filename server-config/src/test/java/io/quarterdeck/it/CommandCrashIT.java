package io.quarterdeck.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, section 6: {@code kill -9} of Quarterdeck between commit and publish. A second Liberty server of the built
 * installation (its own server directory, a free port, a RabbitMQ virtual host and a database of its own: the
 * PostgreSQL database {@code QUARTERDECK_IT_CRASH_DB}, emptied, on the PostgreSQL pass; an H2 file on the H2 pass, as
 * the tested server) is started; operators'
 * commands are issued while the broker refuses its publishes (write permission withdrawn on the vhost, its
 * connections closed), so committed commands wait in the outbox; its JVM is killed with SIGKILL, the permission given
 * back, the server started again on the same database: every command it answered for arrives on a queue bound to
 * the commands exchange, at least once, with the command id as {@code message_id}, and in sequence order per app.
 * Nothing here skips: a missing Liberty install, broker or database fails the test.
 */
class CommandCrashIT {
    private static final Path WLP = Path.of(System.getProperty("arquillian.wlp.home", "target/liberty/wlp"));
    private static final Path WAR = Path.of(System.getProperty("quarterdeck.war", "target/quarterdeck.war"));
    private static final String TESTED_PORT = Server.env("QUARTERDECK_HTTP_PORT", "9080");
    private static final String NAME = "quarterdeck-crash-" + TESTED_PORT;
    private static final String VHOST = "qd-it-" + TESTED_PORT + "-crash";
    private static final String MGMT = "http://127.0.0.1:15672/api";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private static final String OWNER_PASSWORD = "crash-" + UUID.randomUUID();
    private static final String APP_PREFIX = "crash_";
    private static final int APPS = 20;

    private static Path serverDir;
    private static int port;
    private static String dbUrl;
    private static String pgDatabase;

    @BeforeAll
    static void prepare() throws Exception {
        Path template = WLP.resolve("usr/servers/quarterdeck");
        assertTrue(Files.isRegularFile(template.resolve("server.xml")), "no Liberty server at " + template);
        serverDir = WLP.resolve("usr/servers/" + NAME);
        deleteTree(serverDir);
        Files.createDirectories(serverDir.resolve("apps"));
        Files.createDirectories(serverDir.resolve("lib/jdbc"));
        for (String f : List.of("server.xml", "jvm.options")) {
            if (Files.exists(template.resolve(f))) {
                Files.copy(template.resolve(f), serverDir.resolve(f));
            }
        }
        try (Stream<Path> jars = Files.list(template.resolve("lib/jdbc"))) {
            for (Path jar : jars.toList()) {
                Files.copy(jar, serverDir.resolve("lib/jdbc").resolve(jar.getFileName()));
            }
        }
        Files.copy(WAR, serverDir.resolve("apps/quarterdeck.war"), StandardCopyOption.REPLACE_EXISTING);
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String tested = System.getenv("QUARTERDECK_DB_URL");
        if (tested != null && tested.startsWith("jdbc:postgresql:")) {
            // bin/quarterdeck test creates it (the role may not create databases); emptied here
            pgDatabase = System.getenv("QUARTERDECK_IT_CRASH_DB");
            assertTrue(pgDatabase != null && pgDatabase.matches("[A-Za-z_][A-Za-z0-9_]*"),
                    "QUARTERDECK_IT_CRASH_DB must name the second server's PostgreSQL database");
            dbUrl = "jdbc:postgresql://127.0.0.1:5432/" + pgDatabase;
            try (var c = DriverManager.getConnection(dbUrl, "quarterdeck", "quarterdeck");
                 Statement st = c.createStatement()) {
                st.execute("drop schema if exists public cascade");
                st.execute("create schema public");
            }
        } else {
            dbUrl = null; // the embedded default: an H2 file in the server's own data directory
        }
        mgmt("DELETE", "/vhosts/" + VHOST, null);
        mgmt("PUT", "/vhosts/" + VHOST, "{}");
        permit(".*");
    }

    @AfterAll
    static void cleanUp() throws Exception {
        stopServer();
        mgmt("DELETE", "/vhosts/" + VHOST, null);
    }

    @Test
    void commands_committed_before_a_kill_9_arrive_after_the_restart_once_at_least_in_order_per_app()
            throws Exception {
        startServer();
        String token = login();
        for (int i = 0; i < APPS; i++) {
            assertEquals(200, call("POST", "/api/v1/apps", token, "{\"app\":\"" + APP_PREFIX + i
                    + "\",\"group\":\"crash\"}").statusCode());
        }
        ConnectionFactory f = new ConnectionFactory();
        f.setUri("amqp://guest:guest@127.0.0.1:5672/" + VHOST);
        List<String> answered = new ArrayList<>();
        try (Connection amqp = f.newConnection("command-crash-it")) {
            Channel ch = amqp.createChannel();
            ch.exchangeDeclare("quarterdeck.commands", "topic", true);
            ch.queueDeclare("crash", true, false, false, null);
            ch.queueBind("crash", "quarterdeck.commands", "#");

            answered.addAll(bulk(token, "DISABLE")); // relayed while the broker accepts
            // From here the broker refuses the server's publishes: the commands are committed and wait in the outbox.
            permit("^$");
            closeServerConnections();
            String[] cycle = {"ENABLE", "DISABLE"};
            for (int i = 0; i < 6; i++) {
                answered.addAll(bulk(token, cycle[i % 2]));
            }
            int pending = pendingCount(token);
            assertTrue(pending > 0, "no committed command was waiting at the kill: the test would prove nothing");
            if (dbUrl == null) {
                // The embedded H2 writes a commit to its file up to 500 ms after it (its WRITE_DELAY): a kill within
                // that delay loses acknowledged rows (seen: 60 of 140). PostgreSQL has no such window, so only the H2
                // pass waits it out; docs/configuration.md says so. (WRITE_DELAY=0 writes on the committing thread,
                // and an interrupted thread then closes H2's file channel: not taken.)
                Thread.sleep(1_500);
            }

            long pid = Long.parseLong(Files.readString(WLP.resolve("usr/servers/.pid/" + NAME + ".pid")).trim());
            ProcessHandle server = ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("no process " + pid));
            assertTrue(server.destroyForcibly(), "SIGKILL refused"); // SIGKILL on Unix: no shutdown hook runs
            server.onExit().get(30, TimeUnit.SECONDS);

            permit(".*");
            startServer();
            Map<String, Integer> firstSeen = new LinkedHashMap<>();
            Map<String, List<Long>> sequences = new HashMap<>();
            int deliveries = 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            Set<String> missing = new LinkedHashSet<>(answered);
            while (!missing.isEmpty() && System.nanoTime() < deadline) {
                GetResponse r = ch.basicGet("crash", true);
                if (r == null) {
                    Thread.sleep(100);
                    continue;
                }
                deliveries++;
                JsonObject body = Json.createReader(new StringReader(
                        new String(r.getBody(), StandardCharsets.UTF_8))).readObject();
                String id = body.getString("id");
                assertEquals(id, r.getProps().getMessageId(), "message_id is the command id");
                if (firstSeen.putIfAbsent(id, deliveries) == null) {
                    sequences.computeIfAbsent(body.getString("app"), a -> new ArrayList<>())
                            .add(body.getJsonNumber("sequence").longValue());
                }
                missing.remove(id);
            }
            assertTrue(missing.isEmpty(), missing.size() + " of " + answered.size()
                    + " answered commands never arrived after the restart (" + pending + " were pending at the kill)");
            sequences.forEach((app, seqs) -> {
                List<Long> sorted = new ArrayList<>(seqs);
                sorted.sort(null);
                assertEquals(sorted, seqs, app + ": first deliveries out of sequence order");
            });
            assertEquals(0, pendingCount(token), "the outbox drained after the restart");
            System.out.printf("CommandCrashIT: %d commands answered, %d pending at the kill, %d deliveries"
                    + " (%d distinct)%n", answered.size(), pending, deliveries, firstSeen.size());
        }
    }

    /** A bulk command over every app of the test; the ids of the commands the server stored. */
    private static List<String> bulk(String token, String command) throws Exception {
        HttpResponse<String> r = call("POST", "/api/v1/bulk/command", token,
                "{\"filter\":{\"app\":\"" + APP_PREFIX + "*\"},\"command\":\"" + command + "\"}");
        assertEquals(200, r.statusCode(), r.body());
        JsonArray sent = parse(r.body()).getJsonArray("sent");
        assertEquals(APPS, sent.size(), r.body());
        List<String> ids = new ArrayList<>();
        for (JsonValue v : sent) {
            ids.add(v.asJsonObject().getString("id"));
        }
        return ids;
    }

    private static int pendingCount(String token) throws Exception {
        HttpResponse<String> r = call("GET", "/api/v1/commands?status=PENDING&limit=1000", token, null);
        assertEquals(200, r.statusCode(), r.body());
        return parse(r.body()).getJsonArray("items").size();
    }

    private static String login() throws Exception {
        HttpResponse<String> r = call("POST", "/api/v1/auth/login", null,
                "{\"username\":\"owner\",\"password\":\"" + OWNER_PASSWORD + "\"}");
        assertEquals(200, r.statusCode(), r.body());
        return parse(r.body()).getString("access_token");
    }

    private static JsonObject parse(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    private static HttpResponse<String> call(String method, String path, String token, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            if (!method.equals("GET")) {
                throw e;
            }
            // a pooled connection to the killed server: once more on a new one
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private static void startServer() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(WLP.resolve("bin/server").toString(), "start", NAME);
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("QUARTERDECK_"));
        env.put("QUARTERDECK_HTTP_PORT", Integer.toString(port));
        env.put("QUARTERDECK_DATA_DIR", serverDir.resolve("data").toString());
        if (dbUrl != null) {
            env.put("QUARTERDECK_DB_URL", dbUrl);
            env.put("QUARTERDECK_DB_USER", "quarterdeck");
            env.put("QUARTERDECK_DB_PASSWORD", "quarterdeck");
        }
        env.put("QUARTERDECK_RABBITMQ_URL", "amqp://guest:guest@127.0.0.1:5672/" + VHOST);
        env.put("QUARTERDECK_RABBITMQ_RELAY_INTERVAL_MS", "100");
        env.put("QUARTERDECK_RATE_LIMIT_ENABLED", "false");
        env.put("QUARTERDECK_BOOTSTRAP_OWNER_PASSWORD", OWNER_PASSWORD);
        env.put("QUARTERDECK_JWT_KEY_ENCRYPTION_KEY", KEY);
        pb.redirectErrorStream(true).redirectOutput(serverDir.resolve("start.log").toFile());
        Process p = pb.start();
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "server start did not return");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            try {
                if (call("GET", "/health/ready", null, null).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the second server did not become ready on port " + port + "; see "
                + serverDir.resolve("logs/messages.log"));
    }

    private static final String KEY = Base64.getEncoder().encodeToString(UUID.randomUUID().toString()
            .substring(0, 32).getBytes(StandardCharsets.US_ASCII));

    private static void stopServer() throws Exception {
        if (serverDir == null || !Files.exists(serverDir)) {
            return;
        }
        Process p = new ProcessBuilder(WLP.resolve("bin/server").toString(), "stop", NAME)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        Path pidFile = WLP.resolve("usr/servers/.pid/" + NAME + ".pid");
        if (Files.exists(pidFile)) {
            ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim())).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    private static void permit(String write) throws Exception {
        mgmt("PUT", "/permissions/" + VHOST + "/guest",
                "{\"configure\":\".*\",\"write\":\"" + write + "\",\"read\":\".*\"}");
    }

    /**
     * Closes the server's connections to the vhost, so that the permission withdrawn applies to it at once. The
     * management API lists a connection only once the broker has emitted its first statistics (every 5 s): a server
     * that connected a moment ago is not listed yet, and a connection left open keeps its cached permission and goes on
     * publishing. So wait until the server's connections are listed and the list has held for one more interval.
     */
    private static void closeServerConnections() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        List<String> names = serverConnections();
        while (names.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(500);
            names = serverConnections();
        }
        assertTrue(!names.isEmpty(), "the management API never listed the server's connections to " + VHOST);
        Thread.sleep(6_000); // one statistics interval more: a second connection opened at start is listed too
        names = serverConnections();
        for (String name : names) {
            mgmt("DELETE", "/connections/" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"),
                    null);
        }
    }

    /** The names of the connections to the vhost that are not this test's own. */
    private static List<String> serverConnections() throws Exception {
        HttpResponse<String> r = mgmt("GET", "/vhosts/" + VHOST + "/connections", null);
        List<String> names = new ArrayList<>();
        for (JsonValue c : Json.createReader(new StringReader(r.body())).readArray()) {
            String props = c.asJsonObject().containsKey("client_properties")
                    ? c.asJsonObject().get("client_properties").toString() : "";
            if (!props.contains("command-crash-it")) {
                names.add(c.asJsonObject().getString("name"));
            }
        }
        return names;
    }

    private static HttpResponse<String> mgmt(String method, String path, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(MGMT + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "guest:guest".getBytes(StandardCharsets.US_ASCII)))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        // a client of its own each time: the management API closes idle connections while the server starts, and a
        // pooled one would then answer EOF
        HttpResponse<String> r = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build().send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300 && !(method.equals("DELETE") && r.statusCode() == 404)) {
            throw new AssertionError("RabbitMQ management " + method + " " + path + ": " + r.statusCode() + " "
                    + r.body());
        }
        return r;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
