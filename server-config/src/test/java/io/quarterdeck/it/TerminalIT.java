package io.quarterdeck.it;

import io.quarterdeck.adapters.docker.testing.DockerCli;
import io.quarterdeck.adapters.docker.testing.TcpToUnixRelay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Seed 000's terminal, {@code WS /ws/terminal/{container_id}}, against the real engine: a shell that runs commands,
 * resize, the end of the session with the shell, the idle timeout (4 s under the test command), the per-person
 * session limit (3), admins only, and every command line in the audit log.
 */
class TerminalIT {
    private static String admin;
    private static String adminName;
    private static String operator;
    private final DockerCli docker = new DockerCli();
    private final List<WebSocket> sockets = new ArrayList<>();

    @BeforeAll
    static void signIn() {
        admin = IdentityIT.personWithRole("admin");
        adminName = Server.send(Server.bearer("/api/v1/auth/me", admin).GET()).json().getString("username");
        operator = IdentityIT.personWithRole("operator");
    }

    @AfterEach
    void clean() {
        for (WebSocket ws : sockets) {
            ws.abort();
        }
        docker.removeAll();
    }

    static final class Tty implements WebSocket.Listener {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final CompletableFuture<String> closed = new CompletableFuture<>();

        @Override
        public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
            synchronized (out) {
                byte[] b = new byte[data.remaining()];
                data.get(b);
                out.write(b, 0, b.length);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            closed.complete(statusCode + " " + reason);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            closed.complete("error " + error);
        }

        String text() {
            synchronized (out) {
                return out.toString(StandardCharsets.UTF_8);
            }
        }

        void await(String expected) {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!text().contains(expected)) {
                if (System.nanoTime() > until || closed.isDone()) {
                    throw new AssertionError("no '" + expected + "' in the terminal: [" + text() + "] closed: "
                            + closed.getNow(null));
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
        }
    }

    private WebSocket open(String container, String token, Tty tty) throws Exception {
        URI uri = URI.create(Server.BASE.replace("http", "ws") + "/ws/terminal/" + container);
        WebSocket ws = Server.CLIENT.newWebSocketBuilder().header("Authorization", "Bearer " + token)
                .buildAsync(uri, tty).get(20, TimeUnit.SECONDS);
        sockets.add(ws);
        return ws;
    }

    private static void type(WebSocket ws, String keys) throws Exception {
        ws.sendBinary(ByteBuffer.wrap(keys.getBytes(StandardCharsets.UTF_8)), true).get(5, TimeUnit.SECONDS);
    }

    @Test
    void a_shell_runs_commands_resizes_and_the_session_ends_with_it_each_line_audited() throws Exception {
        String name = docker.start("tty", "sleep 600");
        Tty tty = new Tty();
        WebSocket ws = open(name, admin, tty);
        String marker = "qd18-" + System.nanoTime();
        type(ws, "echo " + marker + "-$((6*7))\r");
        tty.await(marker + "-42");
        ws.sendText("{\"type\":\"resize\",\"cols\":120,\"rows\":40}", true).get(5, TimeUnit.SECONDS);
        ws.sendText("stty size\r", true).get(5, TimeUnit.SECONDS); // a text frame is input too
        tty.await("40 120");
        type(ws, "exit\r");
        assertTrue(tty.closed.get(20, TimeUnit.SECONDS).startsWith("1000"), "the session ends with the shell");

        Server.Reply audit = Server.send(Server.bearer("/api/v1/audit?action=terminal.&limit=100&actor=" + adminName,
                admin).GET());
        assertEquals(200, audit.status(), audit.body());
        List<String> summaries = audit.json().getJsonArray("items").stream()
                .map(v -> ((JsonObject) v).getString("summary", "")).toList();
        assertTrue(summaries.contains("echo " + marker + "-$((6*7))"), audit.body());
        assertTrue(summaries.contains("stty size"), audit.body());
        assertTrue(summaries.contains("exit"), audit.body());
        assertTrue(audit.body().contains("terminal.open") && audit.body().contains("terminal.close"), audit.body());
    }

    @Test
    void a_registered_servers_container_has_a_terminal_too() throws Exception {
        String name = docker.start("remote-tty", "sleep 600");
        try (TcpToUnixRelay relay = new TcpToUnixRelay(java.nio.file.Path.of("/var/run/docker.sock")).start()) {
            Server.Reply created = Server.send(Server.bearer("/api/v1/servers", admin)
                    .header("Content-Type", "application/json").POST(Server.json("{\"name\":\"qd18-tty-"
                            + System.nanoTime() + "\",\"docker_url\":\"" + relay.url() + "\"}")));
            assertEquals(201, created.status(), created.body());
            String id = created.json().getString("id");
            try {
                Tty tty = new Tty();
                WebSocket ws = open(name + "?server_id=" + id, admin, tty);
                type(ws, "echo remote-$((1+1))\r");
                tty.await("remote-2");
                type(ws, "exit\r");
                assertTrue(tty.closed.get(20, TimeUnit.SECONDS).startsWith("1000"));
                Tty unknown = new Tty();
                open(name + "?server_id=qd18-no-server", admin, unknown);
                assertTrue(unknown.closed.get(20, TimeUnit.SECONDS).startsWith("4404"));
            } finally {
                Server.send(Server.bearer("/api/v1/servers/" + id, admin).DELETE());
            }
        }
    }

    @Test
    void an_idle_session_is_closed() throws Exception {
        String name = docker.start("idle", "sleep 600");
        Tty tty = new Tty();
        WebSocket ws = open(name, admin, tty);
        type(ws, "echo awake\r");
        tty.await("awake");
        long start = System.nanoTime();
        String closed = tty.closed.get(30, TimeUnit.SECONDS);
        assertTrue(closed.startsWith("1001"), closed);
        assertTrue(System.nanoTime() - start >= TimeUnit.SECONDS.toNanos(3), "closed after the idle timeout, not before");
    }

    @Test
    void a_person_holds_at_most_three_sessions() throws Exception {
        String name = docker.start("limit", "sleep 600");
        List<Tty> open = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Tty tty = new Tty();
            WebSocket ws = open(name, admin, tty);
            type(ws, "echo session-" + i + "\r");
            tty.await("session-" + i);
            open.add(tty);
        }
        Tty fourth = new Tty();
        open(name, admin, fourth);
        String closed = fourth.closed.get(20, TimeUnit.SECONDS);
        assertTrue(closed.startsWith("4409"), closed);
    }

    @Test
    void operators_unknown_containers_and_stopped_ones_are_refused() throws Exception {
        String name = docker.start("refuse", "sleep 600");
        Tty asOperator = new Tty();
        open(name, operator, asOperator);
        assertTrue(asOperator.closed.get(20, TimeUnit.SECONDS).startsWith("1008"));
        Tty unknown = new Tty();
        open("qd18-no-such-container", admin, unknown);
        String closed = unknown.closed.get(20, TimeUnit.SECONDS);
        assertTrue(closed.startsWith("4404") && closed.contains("qd18-no-such-container"), closed);
        DockerCli.run("stop", "-t", "0", name);
        Tty stopped = new Tty();
        open(name, admin, stopped);
        assertTrue(stopped.closed.get(20, TimeUnit.SECONDS).startsWith("4409"));
    }
}
