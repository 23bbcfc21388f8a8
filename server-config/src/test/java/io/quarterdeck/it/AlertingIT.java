package io.quarterdeck.it;

import static io.quarterdeck.it.Server.authed;
import static io.quarterdeck.it.Server.bearer;
import static io.quarterdeck.it.Server.get;
import static io.quarterdeck.it.Server.json;
import static io.quarterdeck.it.Server.postJson;
import static io.quarterdeck.it.Server.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import io.quarterdeck.it.Server.Reply;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 17 end to end on the running server: rules fire on posted errors, notifications reach local servers that
 * speak the webhook, Slack and Telegram formats and a real SMTP server (GreenMail), alerts resolve, incidents walk
 * through their states, Alertmanager's webhook raises and resolves alerts, and bad input is a 400 naming the field.
 */
class AlertingIT {
    record Hit(String path, Map<String, List<String>> headers, String body) {
        String header(String name) {
            for (var e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }
    }

    private HttpServer receiver;
    private final List<Hit> hits = new CopyOnWriteArrayList<>();
    private volatile String answer = "ok";
    private String base;

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            hits.add(new Hit(exchange.getRequestURI().getPath(), exchange.getRequestHeaders(), body));
            byte[] out = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, out.length);
            exchange.getResponseBody().write(out);
            exchange.close();
        });
        receiver.start();
        base = "http://127.0.0.1:" + receiver.getAddress().getPort();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    static String owner() {
        return IdentityIT.ownerToken();
    }

    static Reply asOwner(String method, String path, String owner, String body) {
        var b = bearer(path, owner).header("Content-Type", "application/json");
        return send(switch (method) {
            case "POST" -> b.POST(json(body));
            case "PUT" -> b.PUT(json(body));
            case "PATCH" -> b.method("PATCH", json(body));
            case "DELETE" -> b.DELETE();
            default -> b.GET();
        });
    }

    static Reply put(String path, String body) {
        return send(authed(path).header("Content-Type", "application/json").PUT(json(body)));
    }

    static <T> T await(String what, Duration limit, Supplier<T> probe, Predicate<T> done) {
        long deadline = System.nanoTime() + limit.toNanos();
        T last = null;
        while (System.nanoTime() < deadline) {
            last = probe.get();
            if (done.test(last)) {
                return last;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("timed out waiting for " + what + "; last seen: " + last);
    }

    private List<Hit> hitsAt(String path) {
        return hits.stream().filter(h -> h.path().equals(path)).toList();
    }

    static String hmac(String secret, String text) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }

    private String webhookChannel(String owner, String path, String secret) {
        Reply created = asOwner("POST", "/api/v1/notifications/channels", owner, "{\"name\":\"hook-"
                + UUID.randomUUID().toString().substring(0, 8) + "\",\"type\":\"webhook\",\"config\":{\"url\":\""
                + base + path + "\",\"secret\":\"" + secret + "\"}}");
        assertEquals(201, created.status(), created.body());
        JsonObject ch = created.json();
        assertNotEquals(secret, ch.getJsonObject("config").getString("secret"));
        assertFalse(created.body().contains(secret), "the secret is never answered");
        return ch.getString("id");
    }

    private static void assertNotEquals(String a, String b) {
        assertFalse(a.equals(b), a + " equals " + b);
    }

    /** The "Done when": a rule, a webhook channel, 6 errors, the signed notification, the alert listed. */
    @Test
    void sixErrorsInAMinuteFireTheRuleAndTheWebhookReceivesASignedNotificationThenItResolves() throws Exception {
        String owner = owner();
        String secret = "whsec-" + UUID.randomUUID();
        String channel = webhookChannel(owner, "/hook", secret);
        String source = "checkout-" + UUID.randomUUID().toString().substring(0, 8);

        Reply rule = postJson("/api/alerts/rules", "{\"name\":\"Too many errors " + source + "\",\"condition\":"
                + "\"error_count > 5 in 1m\",\"source\":\"" + source + "\",\"severity\":\"critical\","
                + "\"notifications\":[\"" + channel + "\"],\"enabled\":true}");
        assertEquals(201, rule.status(), rule.body());
        JsonObject r = rule.json().getJsonObject("data");
        String ruleId = r.getString("id");
        assertEquals("error_count > 5 in 1m, source " + source, r.getString("condition"));
        assertEquals(5, r.getInt("threshold"));
        assertEquals("1m", r.getString("time_window"));

        for (int i = 0; i < 5; i++) {
            assertEquals(201, postJson("/api/errors", "{\"message\":\"payment failed " + i + "\",\"level\":\"error\","
                    + "\"source\":\"" + source + "\"}").status());
        }
        Thread.sleep(5_000); // two evaluations: five errors are not more than five
        assertTrue(hitsAt("/hook").isEmpty(), "no notification at 5 errors");
        assertEquals(201, postJson("/api/errors", "{\"message\":\"payment failed 5\",\"level\":\"error\","
                + "\"source\":\"" + source + "\"}").status());

        Hit hit = await("the firing webhook", Duration.ofSeconds(60), () -> hitsAt("/hook"), l -> !l.isEmpty()).get(0);
        JsonObject payload = Server.parse(hit.body());
        assertEquals("alert.firing", payload.getString("event"));
        assertEquals(ruleId, payload.getString("rule_id"));
        assertEquals("critical", payload.getString("severity"));
        assertEquals(6, payload.getJsonNumber("value").intValue());
        String ts = hit.header("X-Quarterdeck-Timestamp");
        assertEquals("sha256=" + hmac(secret, ts + "." + hit.body()), hit.header("X-Quarterdeck-Signature"));
        String alertId = payload.getString("alert_id");

        JsonArray v1 = get("/api/v1/alerts").json().getJsonArray("alerts");
        JsonObject listed = v1.stream().map(JsonValue::asJsonObject).filter(a -> a.getString("id").equals(alertId))
                .findFirst().orElseThrow(() -> new AssertionError("not in /api/v1/alerts: " + v1));
        assertEquals("firing", listed.getString("status"));
        assertEquals(5, listed.getInt("threshold"));
        assertEquals(source, listed.getString("service"));
        assertTrue(get("/api/v1/metrics/alerts").body().contains(alertId), "in seed 000's active alerts");
        JsonObject ruleNow = get("/api/alerts/rules").json().getJsonObject("data").getJsonArray("rules").stream()
                .map(JsonValue::asJsonObject).filter(x -> x.getString("id").equals(ruleId)).findFirst().orElseThrow();
        assertFalse(ruleNow.isNull("last_triggered"), "seed 001's rule shows when it fired");

        JsonObject trend = get("/api/analytics/trends?period=time&group_by=hour").json().getJsonObject("data");
        assertEquals("hour", trend.getString("group_by"));
        long inTrend = trend.getJsonArray("data_points").stream().map(JsonValue::asJsonObject)
                .mapToLong(p -> p.getJsonNumber("error_count").longValue()).sum();
        assertTrue(inTrend >= 6, "the trend counts the six errors: " + trend);
        JsonObject stats = get("/api/stats").json().getJsonObject("data");
        assertTrue(stats.getJsonNumber("errors_today").longValue() >= 6 || stats.getJsonNumber(
                "errors_this_month").longValue() >= 6, stats.toString());

        Thread.sleep(5_000);
        assertEquals(1, hitsAt("/hook").size(), "one firing notification, no duplicates: " + hitsAt("/hook"));

        // The condition clears (threshold raised above the count): the alert resolves and the channel hears so.
        assertEquals(200, put("/api/alerts/rules/" + ruleId, "{\"threshold\":100}").status());
        Hit resolved = await("the resolved webhook", Duration.ofSeconds(60), () -> hitsAt("/hook"),
                l -> l.size() >= 2).get(1);
        assertEquals("alert.resolved", Server.parse(resolved.body()).getString("event"));
        assertFalse(get("/api/v1/metrics/alerts").body().contains(alertId));
        assertTrue(get("/api/v1/alerts?status=resolved").body().contains(alertId));

        // The dispatcher marks a delivery sent after the receiver has answered: the history may lag the hit by a beat.
        JsonArray history = await("both deliveries marked sent", Duration.ofSeconds(15),
                () -> asOwner("GET", "/api/v1/notifications/history?channel_id=" + channel, owner, null).json()
                        .getJsonArray("history"),
                h -> h.size() == 2 && h.stream().allMatch(x -> x.asJsonObject().getString("status").equals("sent")));
        assertEquals(2, history.size(), history.toString());
        assertEquals(200, send(authed("/api/alerts/rules/" + ruleId).DELETE()).status());
    }

    @Test
    void slackTelegramAndEmailChannelsDeliverTestMessagesAndAFailingChannelIsRecordedWithItsReason()
            throws Exception {
        String owner = owner();
        answer = "{\"ok\":true,\"result\":{\"message_id\":1}}";
        Reply slack = asOwner("POST", "/api/v1/notifications/channels", owner, "{\"name\":\"slack-it\",\"type\":"
                + "\"slack\",\"config\":{\"webhook_url\":\"" + base + "/services/T1/B1/abcdefghijkl\",\"channel\":"
                + "\"#alerts\"}}");
        assertEquals(201, slack.status(), slack.body());
        assertFalse(slack.body().contains("abcdefghijkl"), slack.body());
        Reply telegram = asOwner("POST", "/api/v1/notifications/channels", owner, "{\"name\":\"tg-it\",\"type\":"
                + "\"telegram\",\"config\":{\"bot_token\":\"4242:secret-token-value\",\"chat_id\":\"-1001\","
                + "\"base_url\":\"" + base + "\"}}");
        assertEquals(201, telegram.status(), telegram.body());
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        Reply broken = asOwner("POST", "/api/v1/notifications/channels", owner, "{\"name\":\"broken-it\",\"type\":"
                + "\"webhook\",\"config\":{\"url\":\"http://127.0.0.1:" + closed + "/nobody\",\"secret\":\"x\"}}");
        assertEquals(201, broken.status(), broken.body());

        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            Reply email = asOwner("POST", "/api/v1/notifications/channels", owner, "{\"name\":\"mail-it\",\"type\":"
                    + "\"email\",\"config\":{\"smtp_host\":\"127.0.0.1\",\"smtp_port\":" + smtp.getSmtp().getPort()
                    + ",\"starttls\":false,\"from\":\"alerts@quarterdeck.test\",\"to\":\"oncall@example.org\"}}");
            assertEquals(201, email.status(), email.body());
            for (Reply ch : List.of(slack, telegram, broken, email)) {
                Reply queued = asOwner("POST", "/api/v1/notifications/test/" + ch.json().getString("id"), owner, "");
                assertEquals(202, queued.status(), queued.body());
                assertEquals("pending", queued.json().getString("status"));
            }
            Hit s = await("slack", Duration.ofSeconds(60), () -> hitsAt("/services/T1/B1/abcdefghijkl"),
                    l -> !l.isEmpty()).get(0);
            JsonObject sp = Server.parse(s.body());
            assertEquals("#alerts", sp.getString("channel"));
            assertTrue(sp.getString("text").contains("test notification"));
            Hit t = await("telegram", Duration.ofSeconds(60), () -> hitsAt("/bot4242:secret-token-value/sendMessage"),
                    l -> !l.isEmpty()).get(0);
            assertEquals("-1001", Server.parse(t.body()).getString("chat_id"));
            assertTrue(smtp.waitForIncomingEmail(60_000, 1), () -> "the e-mail did not reach the SMTP server: "
                    + asOwner("GET", "/api/v1/notifications/history?channel_id=" + email.json().getString("id"),
                            owner, null).body());
            assertTrue(smtp.getReceivedMessages()[0].getSubject().contains("Quarterdeck test notification"));

            String brokenId = broken.json().getString("id");
            JsonObject failed = await("the broken channel to fail for good", Duration.ofSeconds(60),
                    () -> asOwner("GET", "/api/v1/notifications/history?channel_id=" + brokenId, owner, null).json()
                            .getJsonArray("history").getJsonObject(0),
                    h -> h.getString("status").equals("failed"));
            assertEquals(3, failed.getInt("attempts"));
            assertTrue(failed.getString("error").contains("unreachable"), failed.toString());

            JsonArray integrations = asOwner("GET", "/api/settings/integrations", owner, null).json()
                    .getJsonObject("data").getJsonArray("integrations");
            JsonObject slackIntegration = integrations.stream().map(JsonValue::asJsonObject)
                    .filter(i -> i.getString("id").equals(slack.json().getString("id"))).findFirst().orElseThrow();
            assertEquals("slack", slackIntegration.getString("name"));
            assertEquals("connected", slackIntegration.getString("status"));
            assertFalse(slackIntegration.isNull("last_test"));
            assertEquals("error", integrations.stream().map(JsonValue::asJsonObject)
                    .filter(i -> i.getString("id").equals(brokenId)).findFirst().orElseThrow().getString("status"));
        } finally {
            smtp.stop();
            for (Reply ch : List.of(slack, telegram, broken)) {
                asOwner("DELETE", "/api/v1/notifications/channels/" + ch.json().getString("id"), owner, null);
            }
        }
    }

    @Test
    void anIncidentWalksForwardThroughItsStatesAndNeverBack() {
        Reply opened = postJson("/api/alerts/incidents", "{\"title\":\"Database connection timeouts\","
                + "\"severity\":\"critical\",\"description\":\"pool exhausted\"}");
        assertEquals(201, opened.status(), opened.body());
        JsonObject i = opened.json().getJsonObject("data");
        assertEquals("investigating", i.getString("status"));
        String id = i.getString("id");
        for (String status : List.of("identified", "monitoring")) {
            Reply moved = put("/api/alerts/incidents/" + id, "{\"status\":\"" + status + "\",\"assigned_to\":"
                    + "\"user-123\",\"message\":\"now " + status + "\"}");
            assertEquals(200, moved.status(), moved.body());
            assertEquals(status, moved.json().getJsonObject("data").getString("status"));
        }
        Reply back = put("/api/alerts/incidents/" + id, "{\"status\":\"investigating\"}");
        assertEquals(409, back.status(), back.body());
        assertEquals("error", back.json().getString("status"));
        Reply done = put("/api/alerts/incidents/" + id, "{\"status\":\"resolved\"}");
        assertEquals(200, done.status());
        JsonObject resolved = done.json().getJsonObject("data");
        assertEquals("user-123", resolved.getString("assigned_to"));
        assertFalse(resolved.isNull("resolved_at"));
        assertEquals(4, resolved.getJsonArray("timeline").size());
        assertEquals(409, put("/api/alerts/incidents/" + id, "{\"title\":\"later\"}").status());
        assertTrue(get("/api/alerts/incidents").body().contains(id));
        assertEquals(404, put("/api/alerts/incidents/incident-none", "{\"status\":\"resolved\"}").status());
        assertEquals(400, put("/api/alerts/incidents/" + id, "{\"status\":\"sleeping\"}").status());
        assertEquals(404, postJson("/api/alerts/incidents", "{\"title\":\"x\",\"alert_ids\":[\"alert-none\"]}")
                .status());
    }

    @Test
    void alertmanagerWebhookRaisesAndResolvesAlerts() {
        String name = "HighCPU" + UUID.randomUUID().toString().substring(0, 6);
        String firing = "{\"version\":\"4\",\"groupKey\":\"{}:{alertname=\\\"" + name + "\\\"}\",\"status\":"
                + "\"firing\",\"receiver\":\"quarterdeck\",\"groupLabels\":{},\"commonLabels\":{},"
                + "\"commonAnnotations\":{},\"externalURL\":\"http://alertmanager:9093\",\"alerts\":[{\"status\":"
                + "\"firing\",\"labels\":{\"alertname\":\"" + name + "\",\"severity\":\"critical\",\"instance\":"
                + "\"web-1:9100\",\"job\":\"node\"},\"annotations\":{\"summary\":\"CPU above 90%\",\"value\":\"93.5\","
                + "\"threshold\":\"90\"},\"startsAt\":"
                + "\"2026-12-02T10:00:00Z\",\"endsAt\":\"0001-01-01T00:00:00Z\",\"generatorURL\":\"http://prom\","
                + "\"fingerprint\":\"fp" + name + "\"}]}";
        Reply r = postJson("/api/v1/alerts/alertmanager", firing);
        assertEquals(200, r.status(), r.body());
        assertEquals(1, r.json().getInt("changed"));
        assertEquals(0, postJson("/api/v1/alerts/alertmanager", firing).json().getInt("changed"), "deduplicated");
        JsonObject a = get("/api/v1/alerts").json().getJsonArray("alerts").stream().map(JsonValue::asJsonObject)
                .filter(x -> x.getString("name").equals(name)).findFirst().orElseThrow();
        assertEquals("critical", a.getString("severity"));
        assertEquals("node", a.getString("service"));
        assertEquals("CPU above 90%", a.getString("description"));
        assertEquals("2026-12-02T10:00:00Z", a.getString("started_at"));
        assertEquals(93.5, a.getJsonNumber("value").doubleValue(), "from the value annotation");
        assertEquals(90.0, a.getJsonNumber("threshold").doubleValue(), "from the threshold annotation");
        Reply resolved = postJson("/api/v1/alerts/alertmanager", firing.replace("\"status\":\"firing\"",
                "\"status\":\"resolved\""));
        assertEquals(1, resolved.json().getInt("changed"));
        assertFalse(get("/api/v1/metrics/alerts").body().contains(name));

        Reply bad = postJson("/api/v1/alerts/alertmanager", "{\"alerts\":[{\"status\":\"burning\"}]}");
        assertEquals(400, bad.status());
        assertEquals("alerts[0].status", bad.json().getJsonObject("error").getJsonObject("details")
                .getString("field"));
    }

    @Test
    void thresholdsAreManagedAndBadRulesThresholdsAndChannelsAreA400NamingTheField() {
        Reply t = postJson("/api/v1/alerts/thresholds", "{\"metric\":\"cpu_percent\",\"operator\":\">\",\"value\":"
                + "80,\"duration\":300,\"severity\":\"warning\",\"server_id\":\"srv-17\"}");
        assertEquals(201, t.status(), t.body());
        String id = t.json().getString("id");
        assertEquals(300, t.json().getInt("duration"));
        assertTrue(get("/api/v1/alerts/thresholds").body().contains(id));
        Reply changed = put("/api/v1/alerts/thresholds/" + id, "{\"value\":90}");
        assertEquals(200, changed.status(), changed.body());
        assertEquals(90, changed.json().getInt("value"));
        assertEquals("cpu_percent", changed.json().getString("metric"));
        assertEquals(204, send(authed("/api/v1/alerts/thresholds/" + id).DELETE()).status());
        assertEquals(404, send(authed("/api/v1/alerts/thresholds/" + id).DELETE()).status());

        assertField(postJson("/api/v1/alerts/thresholds", "{\"metric\":\"warp_drive\",\"operator\":\">\","
                + "\"value\":1}"), "metric");
        assertField(postJson("/api/v1/alerts/thresholds", "{\"metric\":\"cpu_percent\",\"operator\":\"~\","
                + "\"value\":1}"), "operator");
        assertField(postJson("/api/v1/alerts/thresholds", "{\"metric\":\"cpu_percent\",\"operator\":\">\","
                + "\"value\":\"high\"}"), "value");
        assertField(postJson("/api/v1/alerts/thresholds", "{\"metric\":\"cpu_percent\",\"operator\":\">\","
                + "\"value\":1,\"duration\":\"forever\"}"), "duration");
        assertField(postJson("/api/alerts/rules", "{\"name\":\"x\",\"condition\":\"cpu > 5\",\"threshold\":1}"),
                "condition");
        assertField(postJson("/api/alerts/rules", "{\"name\":\"x\",\"threshold\":1,\"time_window\":\"5 fortnights\"}"),
                "time_window");
        assertField(postJson("/api/alerts/rules", "{\"name\":\"x\"}"), "threshold");
        assertEquals(404, put("/api/alerts/rules/rule-none", "{\"threshold\":3}").status());

        String owner = owner();
        assertField(asOwner("POST", "/api/v1/notifications/channels", owner, "{\"name\":\"bad\",\"type\":\"webhook\","
                + "\"config\":{\"url\":\"ftp://example.org/x\",\"secret\":\"s\"}}"), "config.url");
        assertField(asOwner("POST", "/api/v1/notifications/channels", owner, "{\"name\":\"bad\",\"type\":\"webhook\","
                + "\"config\":{\"url\":\"https://example.org/x\"}}"), "config.secret");
        assertField(asOwner("POST", "/api/v1/notifications/channels", owner, "{\"name\":\"bad\",\"type\":\"pager\","
                + "\"config\":{}}"), "type");
        assertField(asOwner("POST", "/api/v1/notifications/channels", owner, "{\"name\":\"bad\",\"type\":\"email\","
                + "\"config\":{\"smtp_host\":\"h\",\"from\":\"nobody\",\"to\":\"a@b.org\"}}"), "config.from");
        assertEquals(403, send(authed("/api/v1/notifications/channels")).status(), "channels are for admins");
        assertEquals(404, asOwner("POST", "/api/v1/notifications/test/ch-none", owner, "").status());
    }

    @Test
    void monitoringChecksTheServicesAndAnswersUptimeFromStoredChecks() {
        JsonObject data = get("/api/monitoring/services").json().getJsonObject("data");
        JsonObject db = data.getJsonArray("services").stream().map(JsonValue::asJsonObject)
                .filter(x -> x.getString("name").equals("database")).findFirst().orElseThrow();
        assertEquals("healthy", db.getString("status"));
        assertTrue(db.getJsonNumber("uptime_percent").doubleValue() > 0, db.toString());
        assertFalse(db.isNull("response_time_ms"));
        assertTrue(data.getJsonArray("services").stream().map(JsonValue::asJsonObject)
                .allMatch(x -> List.of("healthy", "unhealthy", "unknown").contains(x.getString("status"))),
                "seed 001's statuses only; services not configured here are not listed: " + data);
        assertTrue(data.getJsonArray("services").stream().map(JsonValue::asJsonObject)
                .noneMatch(x -> x.getString("name").equals("loki")), "no Loki configured in the tests: " + data);
        assertEquals("healthy", data.getString("overall_health").equals("degraded") ? "healthy"
                : data.getString("overall_health"), "the database answers: not unhealthy");
        JsonObject uptime = get("/api/monitoring/uptime").json().getJsonObject("data");
        assertTrue(uptime.getJsonNumber("uptime_percent_24h").doubleValue() > 0, uptime.toString());
        assertTrue(uptime.containsKey("incidents_count"));
    }

    private static void assertField(Reply r, String field) {
        assertEquals(400, r.status(), r.body());
        JsonObject o = r.json();
        String named = o.containsKey("error") && o.get("error").getValueType() == JsonValue.ValueType.OBJECT
                ? o.getJsonObject("error").getJsonObject("details").getString("field")
                : o.getString("error");
        assertTrue(named.contains(field), "expected the field " + field + " named in " + r.body());
    }
}
