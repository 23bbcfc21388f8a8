package io.quarterdeck.it;

import static io.quarterdeck.it.Server.bearer;
import static io.quarterdeck.it.Server.postJson;
import static io.quarterdeck.it.Server.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarterdeck.it.LiveFeedIT.Listener;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.WebSocket;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code WS /api/v1/ws/dashboard}: a viewer authenticated by its first message receives every message type the
 * seed lists as the reports and commands happen; bad credentials close with 1008.
 */
class DashboardSocketIT {
    static WebSocket connect(Listener l) throws Exception {
        URI uri = URI.create(Server.BASE.replace("http", "ws") + "/api/v1/ws/dashboard");
        return Server.CLIENT.newWebSocketBuilder().buildAsync(uri, l).get(10, TimeUnit.SECONDS);
    }

    @Test
    void a_viewer_receives_every_apps_message_type() throws Exception {
        String viewer = IdentityIT.personWithRole("viewer");
        String operator = IdentityIT.personWithRole("operator");
        Listener l = new Listener();
        WebSocket ws = connect(l);
        try {
            ws.sendText("{\"type\":\"auth\",\"token\":\"" + viewer + "\"}", true).get(10, TimeUnit.SECONDS);
            LiveFeedIT.next(l, "subscribed");
            String app = "dash_" + UUID.randomUUID().toString().substring(0, 8);
            assertEquals(200, postJson("/api/v1/apps", "{\"app\":\"" + app + "\",\"group\":\"dash\"}").status());

            assertEquals(202, send(bearer("/api/v1/apps/" + app + "/start", operator)
                    .POST(HttpRequest.BodyPublishers.noBody())).status());
            JsonObject sent = LiveFeedIT.next(l, "app.command_sent");
            assertEquals(app, sent.getJsonObject("data").getString("app"));
            assertEquals("START", sent.getJsonObject("data").getString("command"));
            assertTrue(sent.getString("timestamp").endsWith("Z"));

            postJson("/api/v1/apps/" + app + "/status", "{\"run_status\":\"RUNNING\"}");
            JsonObject changed = LiveFeedIT.next(l, "app.status_changed");
            assertEquals(app, changed.getJsonObject("data").getString("app"));
            assertEquals("IDLE", changed.getJsonObject("data").getString("old_status"));
            assertEquals("RUNNING", changed.getJsonObject("data").getString("new_status"));

            String now = Instant.now().toString();
            postJson("/api/v1/runtimes", "{\"runtime\":\"" + app + "_r\",\"app\":\"" + app + "\",\"started\":\"" + now
                    + "\",\"status\":\"RUNNING\"}");
            assertEquals(app + "_r", LiveFeedIT.next(l, "runtime.started").getJsonObject("data").getString("runtime"));
            postJson("/api/v1/runtimes", "{\"runtime\":\"" + app + "_r\",\"app\":\"" + app + "\",\"started\":\"" + now
                    + "\",\"ended\":\"" + now + "\",\"status\":\"COMPLETED\"}");
            assertEquals("COMPLETED", LiveFeedIT.next(l, "runtime.completed").getJsonObject("data").getString("status"));

            postJson("/api/v1/apps/" + app + "/status", "{\"run_status\":\"FAILED\",\"fatal_flag\":\"FATAL\"}");
            assertEquals(app, LiveFeedIT.next(l, "app.fatal").getJsonObject("data").getString("app"));

            postJson("/api/v1/pipelines/tasks", "{\"task_id\":\"" + app + "_t\",\"document_type\":\"dash\","
                    + "\"stage\":\"ocr\",\"status\":\"RUNNING\"}");
            assertEquals("ocr", LiveFeedIT.next(l, "pipeline.task_updated").getJsonObject("data").getString("stage"));

            ws.sendText("{\"type\":\"subscribe\",\"apps\":\"scraper_*\",\"level\":\"WARNING\"}", true);
            assertEquals("WARNING", LiveFeedIT.next(l, "subscribed").getJsonObject("data").getString("level"));
        } finally {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
    }

    /** Seed 003's {@code log.entry} for the subscribed apps glob and minimum level, and {@code system.metric}. */
    @Test
    void a_subscriber_gets_the_log_lines_of_its_filter_and_the_hosts_samples() throws Exception {
        String viewer = IdentityIT.personWithRole("viewer");
        String app = "dashlog_" + UUID.randomUUID().toString().substring(0, 8);
        Listener l = new Listener();
        WebSocket ws = connect(l);
        try {
            ws.sendText("{\"type\":\"auth\",\"token\":\"" + viewer + "\"}", true).get(10, TimeUnit.SECONDS);
            LiveFeedIT.next(l, "subscribed");
            ws.sendText("{\"type\":\"subscribe\",\"apps\":\"" + app + "*\",\"level\":\"WARNING\"}", true)
                    .get(10, TimeUnit.SECONDS);
            assertEquals("WARNING", LiveFeedIT.next(l, "subscribed").getJsonObject("data").getString("level"));

            assertEquals(204, LogsIT.push("{\"streams\":[" + LogsIT.stream(app + "_x", "", Instant.now(),
                    "INFO below the level", "ERROR above the level") + "," + LogsIT.stream("other_" + app, "",
                    Instant.now(), "ERROR another app") + "]}").status());
            JsonObject entry = LiveFeedIT.next(l, "log.entry");
            assertEquals("ERROR above the level", entry.getJsonObject("data").getString("message"),
                    "the first line this subscriber gets is the one its filter passes");
            assertEquals(app + "_x", entry.getJsonObject("data").getString("service"));

            JsonObject metric = LiveFeedIT.next(l, "system.metric");
            assertEquals("local", metric.getJsonObject("data").getString("server_id"));
        } finally {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
    }

    @Test
    void a_bad_credential_closes_with_1008() throws Exception {
        Listener l = new Listener();
        WebSocket ws = connect(l);
        ws.sendText("{\"type\":\"auth\",\"token\":\"not-a-token\"}", true);
        assertEquals(1008, l.closed.get(15, TimeUnit.SECONDS));
    }

    /** Like {@link Listener}, and keeps the close reason. */
    static final class ReasonListener extends Listener {
        final java.util.concurrent.CompletableFuture<String> reason = new java.util.concurrent.CompletableFuture<>();

        @Override
        public java.util.concurrent.CompletionStage<?> onClose(WebSocket ws, int statusCode, String text) {
            reason.complete(text);
            return super.onClose(ws, statusCode, text);
        }
    }

    /**
     * {@code quarterdeck.ws.dashboard-sockets-per-user} (10 by default): one more socket of the same person is closed
     * with 1008 and a reason naming the limit; another person is not affected; closing one frees a place.
     */
    @Test
    void one_socket_over_the_per_user_limit_is_closed_with_1008_and_a_reason() throws Exception {
        int limit = 10;
        String viewer = IdentityIT.personWithRole("viewer");
        java.util.List<WebSocket> open = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < limit; i++) {
                Listener l = new Listener();
                WebSocket ws = connect(l);
                open.add(ws);
                ws.sendText("{\"type\":\"auth\",\"token\":\"" + viewer + "\"}", true).get(10, TimeUnit.SECONDS);
                LiveFeedIT.next(l, "subscribed");
            }
            ReasonListener over = new ReasonListener();
            WebSocket extra = connect(over);
            extra.sendText("{\"type\":\"auth\",\"token\":\"" + viewer + "\"}", true).get(10, TimeUnit.SECONDS);
            assertEquals(1008, over.closed.get(15, TimeUnit.SECONDS));
            String reason = over.reason.get(1, TimeUnit.SECONDS);
            assertTrue(reason.contains("at most " + limit + " per user"), reason);

            Listener other = new Listener();
            WebSocket otherWs = connect(other);
            open.add(otherWs);
            otherWs.sendText("{\"type\":\"auth\",\"token\":\"" + IdentityIT.personWithRole("viewer") + "\"}",
                    true).get(10, TimeUnit.SECONDS);
            LiveFeedIT.next(other, "subscribed");

            open.remove(0).sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(10, TimeUnit.SECONDS);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (true) {
                ReasonListener again = new ReasonListener();
                WebSocket ws = connect(again);
                ws.sendText("{\"type\":\"auth\",\"token\":\"" + viewer + "\"}", true).get(10, TimeUnit.SECONDS);
                String first = again.messages.poll(10, TimeUnit.SECONDS);
                if (first != null && first.contains("\"subscribed\"")) {
                    open.add(ws);
                    break;
                }
                assertTrue(System.nanoTime() < deadline, "a closed socket never freed its place: " + first);
                Thread.sleep(200);
            }
        } finally {
            for (WebSocket ws : open) {
                ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
            }
        }
    }
}
