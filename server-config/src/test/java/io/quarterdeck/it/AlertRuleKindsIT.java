package io.quarterdeck.it;

import static io.quarterdeck.it.AlertingIT.asOwner;
import static io.quarterdeck.it.AlertingIT.await;
import static io.quarterdeck.it.AlertingIT.hmac;
import static io.quarterdeck.it.AlertingIT.put;
import static io.quarterdeck.it.Server.authed;
import static io.quarterdeck.it.Server.get;
import static io.quarterdeck.it.Server.postJson;
import static io.quarterdeck.it.Server.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.quarterdeck.it.Server.Reply;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 17's rule kinds beyond error counts, on the running server, each firing a real signed webhook: a new error
 * group, a regression (a resolved group seen again), a service's health from the stored checks, and a metric
 * threshold over the host sampler's real readings of {@code local}.
 */
class AlertRuleKindsIT {
    record Hit(String path, String timestamp, String signature, String body) {
    }

    private HttpServer receiver;
    private final List<Hit> hits = new CopyOnWriteArrayList<>();
    private String base;
    private final String secret = "whsec-" + UUID.randomUUID();

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            hits.add(new Hit(exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("X-Quarterdeck-Timestamp"),
                    exchange.getRequestHeaders().getFirst("X-Quarterdeck-Signature"), body));
            exchange.sendResponseHeaders(200, 2);
            exchange.getResponseBody().write("ok".getBytes(StandardCharsets.UTF_8));
            exchange.close();
        });
        receiver.start();
        base = "http://127.0.0.1:" + receiver.getAddress().getPort();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    private String channel(String path) {
        Reply created = asOwner("POST", "/api/v1/notifications/channels", AlertingIT.owner(), "{\"name\":\"kinds-"
                + UUID.randomUUID().toString().substring(0, 8) + "\",\"type\":\"webhook\",\"config\":{\"url\":\""
                + base + path + "\",\"secret\":\"" + secret + "\"}}");
        assertEquals(201, created.status(), created.body());
        return created.json().getString("id");
    }

    private List<JsonObject> events(String path) {
        return hits.stream().filter(h -> h.path().equals(path)).map(h -> {
            try {
                assertEquals("sha256=" + hmac(secret, h.timestamp() + "." + h.body()), h.signature());
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            return Server.parse(h.body());
        }).toList();
    }

    private static JsonObject created(Reply r) {
        assertEquals(201, r.status(), r.body());
        return r.json().getJsonObject("data");
    }

    private static String error(String message, String source) {
        Reply r = postJson("/api/errors", "{\"message\":\"" + message + "\",\"level\":\"error\",\"source\":\""
                + source + "\",\"environment\":\"prod\"}");
        assertEquals(201, r.status(), r.body());
        return r.json().getJsonObject("data").getString("id");
    }

    @Test
    void aNewErrorGroupFiresOnePerGroupAndAGroupOfAnotherSourceDoesNot() throws InterruptedException {
        String source = ErrorTrackingIT.uniqueSource();
        String ch = channel("/new");
        JsonObject rule = created(postJson("/api/alerts/rules", "{\"name\":\"New errors " + source + "\","
                + "\"condition\":\"new_group in 10m\",\"source\":\"" + source + "\",\"environment\":\"prod\","
                + "\"severity\":\"warning\",\"notifications\":[\"" + ch + "\"]}"));
        assertEquals("new_group in 10m, source " + source + ", environment prod", rule.getString("condition"));
        assertEquals("new_group", rule.getString("kind"));
        error("something never seen", ErrorTrackingIT.uniqueSource());
        String group = error("checkout failed for the first time", source);
        error("checkout failed for the first time", source); // the same group: no second alert
        JsonObject fired = await("the new-group webhook", Duration.ofSeconds(60), () -> events("/new"),
                l -> !l.isEmpty()).get(0);
        assertEquals("alert.firing", fired.getString("event"));
        assertEquals(rule.getString("id"), fired.getString("rule_id"));
        assertTrue(get("/api/v1/alerts").body().contains(fired.getString("alert_id")));
        String second = error("inventory failed for the first time", source);
        List<JsonObject> two = await("the second group's webhook", Duration.ofSeconds(60), () -> events("/new"),
                l -> l.size() >= 2);
        Thread.sleep(5_000); // more ticks: nothing more
        assertEquals(2, events("/new").size(), "one firing per new group: " + events("/new"));
        assertFalse(group.equals(second));
        assertTrue(two.stream().allMatch(e -> e.getString("event").equals("alert.firing")));
        assertEquals(200, send(authed("/api/alerts/rules/" + rule.getString("id")).DELETE()).status());
    }

    @Test
    void aResolvedGroupSeenAgainFiresARegression() {
        String source = ErrorTrackingIT.uniqueSource();
        String ch = channel("/regression");
        String group = error("payment gateway timeout", source);
        assertEquals(200, Server.put("/api/errors/" + group + "/resolve").status());
        JsonObject rule = created(postJson("/api/alerts/rules", "{\"name\":\"Regressions " + source + "\","
                + "\"condition\":\"regression in 15m\",\"source\":\"" + source + "\",\"severity\":\"critical\","
                + "\"notifications\":[\"" + ch + "\"]}"));
        assertEquals("regression", rule.getString("kind"));
        try {
            Thread.sleep(4_000); // two ticks: a resolved group is no regression
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        assertTrue(events("/regression").isEmpty(), "no regression while the group stays resolved");
        assertEquals(group, error("payment gateway timeout", source), "the same group reopens");
        JsonObject fired = await("the regression webhook", Duration.ofSeconds(60), () -> events("/regression"),
                l -> !l.isEmpty()).get(0);
        assertEquals("alert.firing", fired.getString("event"));
        assertEquals("critical", fired.getString("severity"));
        JsonObject alert = get("/api/v1/alerts").json().getJsonArray("alerts").stream().map(JsonValue::asJsonObject)
                .filter(a -> a.getString("id").equals(fired.getString("alert_id"))).findFirst().orElseThrow();
        assertEquals(source, alert.getString("service"));
        // Resolved again: the regression is over and its alert resolves.
        assertEquals(200, Server.put("/api/errors/" + group + "/resolve").status());
        List<JsonObject> both = await("the resolved webhook", Duration.ofSeconds(60), () -> events("/regression"),
                l -> l.size() >= 2);
        assertEquals("alert.resolved", both.get(1).getString("event"));
    }

    @Test
    void aServiceDownRuleReadsTheStoredChecksAndBadBodiesAre400sNamingTheField() {
        // The database is checked every 30 s and up: "down for 1 check" must not fire, however long we wait for a
        // stored check to exist.
        String ch = channel("/service");
        await("a stored check of the database", Duration.ofSeconds(75), () -> get("/api/monitoring/services").json()
                .getJsonObject("data").toString(), s -> s.matches("(?s).*\"uptime_percent\":[0-9].*"));
        JsonObject rule = created(postJson("/api/alerts/rules", "{\"name\":\"Database down\",\"condition\":"
                + "\"service_down database for 1 check\",\"severity\":\"critical\",\"notifications\":[\"" + ch
                + "\"]}"));
        assertEquals("service_down", rule.getString("kind"));
        assertEquals("database", rule.getString("service"));
        assertEquals(1, rule.getInt("threshold"));
        Reply changed = put("/api/alerts/rules/" + rule.getString("id"), "{\"threshold\":3}");
        assertEquals(200, changed.status(), changed.body());
        assertEquals("service_down database for 3 checks", changed.json().getJsonObject("data").getString("condition"));
        try {
            Thread.sleep(4_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        assertTrue(events("/service").isEmpty(), "the database is up: " + events("/service"));
        assertEquals(200, send(authed("/api/alerts/rules/" + rule.getString("id")).DELETE()).status());

        field(postJson("/api/alerts/rules", "{\"name\":\"x\",\"condition\":\"service_down\",\"threshold\":3}"),
                "service");
        field(postJson("/api/alerts/rules", "{\"name\":\"x\",\"condition\":\"service_down database\"}"), "threshold");
        field(postJson("/api/alerts/rules", "{\"name\":\"x\",\"condition\":\"new_group in 5 fortnights\"}"),
                "condition");
        field(postJson("/api/alerts/rules", "{\"name\":\"x\",\"condition\":\"regression in 1h\",\"level\":\"fatal\"}"),
                "level");
        field(postJson("/api/alerts/rules", "{\"name\":\"x\",\"condition\":\"errors_per_user > 3\"}"), "condition");
        field(postJson("/api/v1/alerts/thresholds", "{\"metric\":\"container_restarts\",\"operator\":\">\","
                + "\"value\":3}"), "metric");
    }

    /** Seed 001's shape names the field in its message ("Invalid service: ..."); seed 004's in error.details. */
    private static void field(Reply r, String field) {
        assertEquals(400, r.status(), r.body());
        JsonObject o = r.json();
        String named = o.get("error").getValueType() == JsonValue.ValueType.OBJECT
                ? o.getJsonObject("error").getJsonObject("details").getString("field")
                : o.getString("error");
        assertTrue(named.equals(field) || named.startsWith("Invalid " + field + ":"), field + " named in " + r.body());
    }

    @Test
    void aHostMetricThresholdFiresFromTheSamplersRealReadingAndResolvesWhenItCannotHold() {
        String ch = channel("/metric");
        Reply t = postJson("/api/v1/alerts/thresholds", "{\"metric\":\"memory_percent\",\"operator\":\">\","
                + "\"value\":0,\"duration\":0,\"severity\":\"warning\",\"server_id\":\"local\",\"notifications\":[\""
                + ch + "\"]}");
        assertEquals(201, t.status(), t.body());
        String id = t.json().getString("id");
        JsonObject fired = await("the threshold's webhook", Duration.ofSeconds(60), () -> events("/metric"),
                l -> !l.isEmpty()).get(0);
        assertEquals("alert.firing", fired.getString("event"));
        double value = fired.getJsonNumber("value").doubleValue();
        assertTrue(value > 0 && value <= 100, "a real memory percentage of this host: " + value);
        JsonObject latest = get("/api/v1/metrics/local").json();
        assertTrue(latest.toString().contains("memory"), latest.toString());
        Reply impossible = put("/api/v1/alerts/thresholds/" + id, "{\"value\":100}");
        assertEquals(200, impossible.status(), impossible.body());
        List<JsonObject> both = await("the resolved webhook", Duration.ofSeconds(60), () -> events("/metric"),
                l -> l.size() >= 2);
        assertEquals("alert.resolved", both.get(1).getString("event"));
        assertEquals(204, send(authed("/api/v1/alerts/thresholds/" + id).DELETE()).status());
    }
}
