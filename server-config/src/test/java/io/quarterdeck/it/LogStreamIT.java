package io.quarterdeck.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.WebSocket;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The log and metric sockets on the running server: credentials on the upgrade or in a first auth message (the
 * spine's gate), {@code {"type":"subscribed"}}, then each pushed line the filter accepts as {@code {"type":"log"}};
 * each host sample as {@code {"type":"metrics"}}.
 */
class LogStreamIT {
    static WebSocket open(String path, LiveFeedIT.Listener l, boolean keyOnUpgrade) throws Exception {
        URI uri = URI.create(Server.BASE.replace("http", "ws") + path);
        WebSocket.Builder b = Server.CLIENT.newWebSocketBuilder();
        if (keyOnUpgrade) {
            b.header("X-API-Key", Server.API_KEY);
        }
        WebSocket ws = b.buildAsync(uri, l).get(10, TimeUnit.SECONDS);
        if (!keyOnUpgrade) {
            ws.sendText("{\"type\":\"auth\",\"token\":\"" + Server.API_KEY + "\"}", true).get(5, TimeUnit.SECONDS);
        }
        LiveFeedIT.next(l, "subscribed");
        return ws;
    }

    @Test
    void a_service_socket_receives_the_services_new_lines_only() throws Exception {
        String service = LogsIT.unique("ws-svc");
        LiveFeedIT.Listener l = new LiveFeedIT.Listener();
        WebSocket ws = open("/ws/logs/" + service, l, false);
        try {
            assertEquals(204, LogsIT.push("{\"streams\":[" + LogsIT.stream(LogsIT.unique("other"), "", Instant.now(),
                    "not for this socket") + "," + LogsIT.stream(service, "", Instant.now(), "ERROR first",
                    "INFO second") + "]}").status());
            JsonObject first = LiveFeedIT.next(l, "log").getJsonObject("data");
            assertEquals("ERROR first", first.getString("message"));
            assertEquals(service, first.getString("service"));
            assertEquals("ERROR", first.getString("level"));
            assertEquals("INFO second", LiveFeedIT.next(l, "log").getJsonObject("data").getString("message"));
        } finally {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
    }

    @Test
    void the_query_socket_filters_by_glob_and_minimum_level() throws Exception {
        String prefix = LogsIT.unique("scraper");
        LiveFeedIT.Listener l = new LiveFeedIT.Listener();
        WebSocket ws = open("/api/v1/ws/logs?app=" + prefix + "_*&level=WARNING", l, true);
        try {
            assertEquals(204, LogsIT.push("{\"streams\":[" + LogsIT.stream(prefix + "_de", "", Instant.now(),
                    "INFO quiet", "WARNING loud") + "]}").status());
            assertEquals("WARNING loud", LiveFeedIT.next(l, "log").getJsonObject("data").getString("message"));
        } finally {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
        LiveFeedIT.Listener l2 = new LiveFeedIT.Listener();
        WebSocket ws2 = open("/api/v1/logs/stream?app=" + prefix + "_de", l2, true);
        try {
            assertEquals(204, LogsIT.push("{\"streams\":[" + LogsIT.stream(prefix + "_de", "", Instant.now(),
                    "DEBUG detail") + "]}").status());
            assertEquals("DEBUG detail", LiveFeedIT.next(l2, "log").getJsonObject("data").getString("message"));
        } finally {
            ws2.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
    }

    @Test
    void a_bad_credential_or_a_bad_filter_closes_with_1008() throws Exception {
        LiveFeedIT.Listener l = new LiveFeedIT.Listener();
        WebSocket ws = Server.CLIENT.newWebSocketBuilder().buildAsync(URI.create(Server.BASE.replace("http", "ws")
                + "/api/v1/ws/logs/node-1"), l).get(10, TimeUnit.SECONDS);
        ws.sendText("{\"type\":\"auth\",\"token\":\"qdk_nobody_000000000000000000000000\"}", true);
        assertEquals(1008, l.closed.get(10, TimeUnit.SECONDS));

        LiveFeedIT.Listener bad = new LiveFeedIT.Listener();
        Server.CLIENT.newWebSocketBuilder().header("X-API-Key", Server.API_KEY).buildAsync(URI.create(
                Server.BASE.replace("http", "ws") + "/api/v1/ws/logs?level=LOUD"), bad).get(10, TimeUnit.SECONDS);
        assertEquals(1008, bad.closed.get(10, TimeUnit.SECONDS));
    }

    @Test
    void the_metrics_socket_pushes_each_sample_of_this_host() throws Exception {
        LiveFeedIT.Listener l = new LiveFeedIT.Listener();
        WebSocket ws = open("/api/v1/ws/metrics/local", l, true);
        try {
            JsonObject sample = LiveFeedIT.next(l, "metrics").getJsonObject("data"); // every 5 s
            assertEquals("local", sample.getString("server_id"));
            assertTrue(sample.getJsonNumber("memory_total_bytes").longValue() > 0);
        } finally {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
        LiveFeedIT.Listener unknown = new LiveFeedIT.Listener();
        Server.CLIENT.newWebSocketBuilder().header("X-API-Key", Server.API_KEY).buildAsync(URI.create(
                Server.BASE.replace("http", "ws") + "/api/v1/ws/metrics/nowhere"), unknown).get(10, TimeUnit.SECONDS);
        assertEquals(1008, unknown.closed.get(10, TimeUnit.SECONDS));
    }

    @Test
    void opening_a_log_or_metrics_subscription_is_audited_with_its_filter() throws Exception {
        String service = LogsIT.unique("ws-audit");
        LiveFeedIT.Listener l = new LiveFeedIT.Listener();
        WebSocket ws = open("/ws/logs/" + service + "?level=ERROR", l, true);
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        LiveFeedIT.Listener m = new LiveFeedIT.Listener();
        WebSocket metrics = open("/api/v1/ws/metrics/local", m, false);
        metrics.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        String owner = IdentityIT.ownerToken();
        Server.Reply logs = Server.send(Server.bearer("/api/v1/audit?action=logs.follow", owner).GET());
        assertEquals(200, logs.status(), logs.body());
        assertTrue(logs.body().contains("/ws/logs/" + service), logs.body());
        assertTrue(logs.body().contains("follow source=" + service + " level>=ERROR"), logs.body());
        Server.Reply samples = Server.send(Server.bearer("/api/v1/audit?action=metrics.follow", owner).GET());
        assertTrue(samples.body().contains("/api/v1/ws/metrics/local"), samples.body());
    }
}
