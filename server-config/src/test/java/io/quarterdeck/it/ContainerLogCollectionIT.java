package io.quarterdeck.it;

import io.quarterdeck.adapters.docker.testing.DockerCli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 15's "done when", across issues 15 and 18: a container on the real local engine prints lines; the server
 * collects them (the Docker adapter's log source feeding the log collector) into the built-in store, where
 * {@code GET /api/v1/logs/{name}} reads them, and a subscriber of {@code /ws/logs/{name}} sees new ones live.
 */
class ContainerLogCollectionIT {
    private final DockerCli docker = new DockerCli();

    @AfterEach
    void removeContainers() {
        docker.removeAll();
    }

    @Test
    void a_containers_lines_reach_the_log_query_and_a_live_subscriber() throws Exception {
        String name = docker.start("printer", "for i in 1 2 3; do echo \"printed line $i\"; done; "
                + "echo 'ERROR something failed' >&2; sleep 600");

        JsonObject page = awaitLines(name, 4);
        List<String> messages = new ArrayList<>();
        page.getJsonArray("logs").forEach(v -> messages.add(v.asJsonObject().getString("message")));
        assertTrue(messages.containsAll(List.of("printed line 1", "printed line 2", "printed line 3",
                "ERROR something failed")), messages.toString());
        JsonObject error = page.getJsonArray("logs").stream().map(v -> v.asJsonObject())
                .filter(o -> o.getString("message").startsWith("ERROR")).findFirst().orElseThrow();
        assertEquals(name, error.getString("service"), "the service label is the container's name (Promtail's rule)");
        assertEquals("ERROR", error.getString("level"));

        // live: a line written after subscribing arrives on the socket
        LiveFeedIT.Listener l = new LiveFeedIT.Listener();
        WebSocket ws = LogStreamIT.open("/ws/logs/" + name, l, true);
        try {
            DockerCli.run("exec", name, "sh", "-c", "echo 'live line' > /proc/1/fd/1");
            JsonObject live = LiveFeedIT.next(l, "log").getJsonObject("data");
            while (!live.getString("message").equals("live line")) {
                live = LiveFeedIT.next(l, "log").getJsonObject("data");
            }
            assertEquals(name, live.getString("service"));
        } finally {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
    }

    @Test
    void a_restarted_container_goes_on_being_collected() throws Exception {
        // A restart keeps the container's id but ends the engine's log stream; collection must follow it again.
        String name = docker.start("restarted", "trap 'exit 0' TERM; echo \"boot $(date +%s%N)\"; while true; do sleep 1; done");
        awaitLines(name, 1);
        Server.Reply restarted = Server.send(Server.bearer("/api/v1/containers/" + name + "/action",
                IdentityIT.ownerToken()).header("Content-Type", "application/json")
                .POST(Server.json("{\"action\":\"restart\"}")));
        assertEquals(200, restarted.status(), restarted.body());
        JsonObject page = awaitLines(name, 2);
        long boots = page.getJsonArray("logs").stream()
                .filter(v -> v.asJsonObject().getString("message").startsWith("boot ")).count();
        assertEquals(2, boots, "the line printed after the restart was collected too: " + page);
    }

    /** The source's page once it holds at least {@code count} lines (collection runs every few hundred ms). */
    private static JsonObject awaitLines(String source, int count) throws InterruptedException {
        Server.get("/health"); // the first use of Server waits for the application to be ready: not on this clock
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        Server.Reply last = null;
        while (System.nanoTime() < deadline) {
            last = Server.get("/api/v1/logs/" + source);
            if (last.status() == 200 && Server.parse(last.body()).getInt("total") >= count) {
                return Server.parse(last.body());
            }
            TimeUnit.MILLISECONDS.sleep(300);
        }
        throw new AssertionError("the container's lines did not reach /api/v1/logs/" + source + " within 30 s: "
                + (last == null ? "no answer" : last.status() + " " + last.body()));
    }
}
