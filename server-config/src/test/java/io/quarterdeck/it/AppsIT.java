package io.quarterdeck.it;

import static io.quarterdeck.it.Server.bearer;
import static io.quarterdeck.it.Server.get;
import static io.quarterdeck.it.Server.json;
import static io.quarterdeck.it.Server.postJson;
import static io.quarterdeck.it.Server.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import io.quarterdeck.it.Server.Reply;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Seed 003 end to end against the server under test and the real RabbitMQ it is configured with
 * ({@code QUARTERDECK_RABBITMQ_URL}, a virtual host of the test run's own): managers register apps and report over
 * REST and over AMQP, operators command single apps and groups, and the commands arrive on a queue bound to the
 * commands exchange.
 */
class AppsIT {
    static final String RABBIT = Server.env("QUARTERDECK_RABBITMQ_URL", null);
    static String operator;
    static String viewer;
    static Connection amqp;
    static Channel ch;

    @BeforeAll
    static void setUp() throws Exception {
        assertNotNull(RABBIT, "QUARTERDECK_RABBITMQ_URL must name the broker the server under test uses"
                + " (bin/quarterdeck test sets it)");
        operator = IdentityIT.personWithRole("operator");
        viewer = IdentityIT.personWithRole("viewer");
        ConnectionFactory f = new ConnectionFactory();
        f.setUri(RABBIT);
        amqp = f.newConnection("apps-it");
        ch = amqp.createChannel();
    }

    @AfterAll
    static void tearDown() throws Exception {
        amqp.close();
    }

    private static String group() {
        return "g" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Reply register(String app, String group, String parent) {
        Reply r = postJson("/api/v1/apps", "{\"app\":\"" + app + "\",\"group\":\"" + group + "\",\"parent\":\"" + parent
                + "\",\"schedule\":\"0 8 * * *\",\"settings\":{\"depth\":2}}");
        assertEquals(200, r.status(), r.body());
        return r;
    }

    private static Reply operate(String path, String body) {
        return send(bearer(path, operator).header("Content-Type", "application/json")
                .POST(body == null ? java.net.http.HttpRequest.BodyPublishers.noBody() : json(body)));
    }

    /** A queue of the test's own bound to the commands exchange (the server declared it when it connected). */
    private static String commandQueue(String bindingKey) throws Exception {
        String q = ch.queueDeclare().getQueue();
        long deadline = System.currentTimeMillis() + 120_000;
        while (true) {
            try {
                ch.queueBind(q, "quarterdeck.commands", bindingKey);
                return q;
            } catch (java.io.IOException e) {
                // the exchange is not declared yet: the server connects when its relay starts
                if (System.currentTimeMillis() > deadline) {
                    throw e;
                }
                ch = amqp.createChannel();
                q = ch.queueDeclare().getQueue();
                Thread.sleep(500);
            }
        }
    }

    private static List<GetResponse> drain(String queue, int expected, long millis) throws Exception {
        List<GetResponse> got = new ArrayList<>();
        long deadline = System.currentTimeMillis() + millis;
        while (got.size() < expected && System.currentTimeMillis() < deadline) {
            GetResponse r = ch.basicGet(queue, true);
            if (r == null) {
                Thread.sleep(50);
            } else {
                got.add(r);
            }
        }
        return got;
    }

    @Test
    void a_newcomer_registers_apps_watches_them_starts_a_group_and_sees_the_commands_on_rabbitmq() throws Exception {
        String g = group();
        String q = commandQueue(g + ".*");
        register(g + "_scraper_a", g, "registry");
        register(g + "_scraper_b", g, "registry");
        register(g + "_scraper_c", g, "court");
        assertEquals(200, postJson("/api/v1/runtimes", "{\"runtime\":\"20250115_073000_" + g + "\",\"app\":\"" + g
                + "_scraper_a\",\"started\":\"2025-01-15T07:30:00Z\",\"ended\":\"2025-01-15T07:45:12Z\","
                + "\"status\":\"COMPLETED\",\"records_total\":10}").status());
        assertEquals(200, postJson("/api/v1/apps/" + g + "_scraper_c/status", "{\"run_status\":\"RUNNING\"}").status());

        Reply list = send(bearer("/api/v1/apps?group=" + g + "&per_page=2", viewer).GET());
        assertEquals(200, list.status(), list.body());
        JsonObject page = list.json();
        assertEquals(3, page.getInt("total"));
        assertEquals(2, page.getInt("per_page"));
        JsonObject first = page.getJsonArray("items").getJsonObject(0);
        assertEquals(g + "_scraper_a", first.getString("app"));
        assertEquals("IDLE", first.getString("run_status"));
        assertEquals("NONE", first.getString("command_flag"));
        assertEquals("NO_FATAL", first.getString("fatal_flag"));
        assertEquals("COMPLETED", first.getJsonObject("last_runtime").getString("status"));
        assertEquals("2025-01-15T07:45:12Z", first.getJsonObject("last_runtime").getString("ended"));

        Reply bulk = operate("/api/v1/bulk/start", "{\"filter\":{\"group\":\"" + g + "\"},\"command\":\"START\"}");
        assertEquals(200, bulk.status(), bulk.body());
        JsonObject outcome = bulk.json();
        assertEquals(2, outcome.getJsonArray("sent").size(), bulk.body());
        assertEquals(1, outcome.getJsonArray("refused").size());
        assertEquals(g + "_scraper_c", outcome.getJsonArray("refused").getJsonObject(0).getString("app"));
        assertTrue(outcome.getJsonArray("refused").getJsonObject(0).getString("reason").contains("RUNNING"));

        List<GetResponse> got = drain(q, 2, 30_000);
        assertEquals(2, got.size(), "both START commands arrive on RabbitMQ");
        Set<String> ids = new HashSet<>();
        for (GetResponse r : got) {
            ids.add(r.getProps().getMessageId());
            assertEquals(2, r.getProps().getDeliveryMode(), "persistent");
            String body = new String(r.getBody(), StandardCharsets.UTF_8);
            assertTrue(body.contains("\"command\":\"START\""), body);
        }
        Set<String> sentIds = new HashSet<>();
        outcome.getJsonArray("sent").forEach(v -> sentIds.add(v.asJsonObject().getString("id")));
        assertEquals(sentIds, ids, "the message ids are the command ids");

        JsonObject a = send(bearer("/api/v1/apps/" + g + "_scraper_a", viewer).GET()).json();
        assertEquals("START", a.getString("command_flag"));
        Reply sentList = get("/api/v1/commands?app=" + g + "_scraper_a&status=SENT");
        assertEquals(200, sentList.status(), sentList.body());
        assertEquals(1, sentList.json().getJsonArray("items").size(), "marked sent once RabbitMQ confirmed it");
        assertEquals(g + "." + g + "_scraper_a", sentList.json().getJsonArray("items").getJsonObject(0)
                .getString("routing_key"));
    }

    @Test
    void single_commands_follow_the_state_rules_with_409s_saying_why() {
        String g = group();
        String app = g + "_proc";
        register(app, g, "p");
        Reply start = operate("/api/v1/apps/" + app + "/start", null);
        assertEquals(202, start.status(), start.body());
        assertEquals("START", start.json().getString("command"));
        Reply again = operate("/api/v1/apps/" + app + "/start", null);
        assertEquals(409, again.status(), again.body());
        assertTrue(again.json().getJsonObject("error").getString("message").contains("already pending"), again.body());
        assertEquals(200, postJson("/api/v1/apps/" + app + "/status", "{\"run_status\":\"RUNNING\","
                + "\"progress\":{\"current\":986,\"total\":3000}}").status());
        JsonObject running = get("/api/v1/apps/" + app).json();
        assertEquals("NONE", running.getString("command_flag"), "RUNNING fulfils START");
        assertEquals("986/3000", running.getJsonObject("progress").getString("display"));
        Reply startRunning = operate("/api/v1/apps/" + app + "/start", null);
        assertEquals(409, startRunning.status());
        assertTrue(startRunning.body().contains("RUNNING"), startRunning.body());
        Reply reset = operate("/api/v1/apps/" + app + "/reset", null);
        assertEquals(409, reset.status());
        assertTrue(reset.body().contains("not FATAL"), reset.body());
        assertEquals(200, postJson("/api/v1/apps/" + app + "/status", "{\"run_status\":\"FAILED\","
                + "\"fatal_flag\":\"FATAL\"}").status());
        assertEquals(202, operate("/api/v1/apps/" + app + "/reset", null).status());
        assertEquals("NO_FATAL", get("/api/v1/apps/" + app).json().getString("fatal_flag"));
        Reply missing = operate("/api/v1/apps/" + g + "_nope/stop", null);
        assertEquals(404, missing.status());
        assertEquals(g + "_nope", missing.json().getJsonObject("error").getJsonObject("details").getString("app_id"));
        Reply viewerStart = send(bearer("/api/v1/apps/" + app + "/stop", viewer).POST(
                java.net.http.HttpRequest.BodyPublishers.noBody()));
        assertEquals(403, viewerStart.status());
        Reply disable = send(bearer("/api/v1/apps/" + app, IdentityIT.ownerToken())
                .header("Content-Type", "application/json").method("PATCH", json("{\"disabled\":true}")));
        assertEquals(200, disable.status(), disable.body());
        Reply toDisabled = operate("/api/v1/apps/" + app + "/stop", null);
        assertEquals(409, toDisabled.status());
        assertTrue(toDisabled.body().contains("disabled"), toDisabled.body());
        Reply unknownField = send(bearer("/api/v1/apps/" + app, IdentityIT.ownerToken())
                .header("Content-Type", "application/json").method("PATCH", json("{\"run_status\":\"IDLE\"}")));
        assertEquals(400, unknownField.status());
        assertEquals("run_status", unknownField.json().getJsonObject("error").getJsonObject("details")
                .getString("field"));
    }

    @Test
    void reports_over_amqp_and_over_rest_end_in_the_same_state_and_redelivery_changes_nothing() throws Exception {
        String g = group();
        String viaRest = g + "_rest";
        String viaAmqp = g + "_amqp";
        register(viaRest, g, "p");
        postJson("/api/v1/apps/" + viaRest + "/status", "{\"run_status\":\"RUNNING\",\"progress\":{\"current\":5,"
                + "\"total\":50}}");
        Reply fn = postJson("/api/v1/performance/functions", "{\"id\":\"" + viaRest + "-f1\",\"app\":\"" + viaRest
                + "\",\"function_name\":\"process_records\",\"task_size\":1500,\"solved\":1400,\"failed\":100,"
                + "\"duration_seconds\":45.2,\"logged_at\":\"" + Instant.now() + "\"}");
        assertEquals(200, fn.status(), fn.body());

        String register = "{\"version\":1,\"type\":\"app.register\",\"app\":\"" + viaAmqp + "\",\"group\":\"" + g
                + "\",\"parent\":\"p\",\"schedule\":\"0 8 * * *\",\"settings\":{\"depth\":2}}";
        String status = "{\"version\":1,\"type\":\"app.status\",\"app\":\"" + viaAmqp
                + "\",\"run_status\":\"RUNNING\",\"progress\":{\"current\":5,\"total\":50}}";
        String function = "{\"version\":1,\"type\":\"function.log\",\"id\":\"" + viaAmqp + "-f1\",\"app\":\""
                + viaAmqp + "\",\"function_name\":\"process_records\",\"task_size\":1500,\"solved\":1400,"
                + "\"failed\":100,\"duration_seconds\":45.2,\"logged_at\":\"" + Instant.now() + "\"}";
        for (String m : List.of(register, status, function, register, status, function)) {
            ch.basicPublish("quarterdeck.reports", g + "." + viaAmqp, null, m.getBytes(StandardCharsets.UTF_8));
        }
        JsonObject amqpApp = null;
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            Reply r = get("/api/v1/apps/" + viaAmqp);
            Reply logs = get("/api/v1/performance/functions/" + viaAmqp);
            if (r.status() == 200 && "RUNNING".equals(r.json().getString("run_status")) && logs.status() == 200
                    && logs.json().getInt("total") >= 1) {
                amqpApp = r.json();
                break;
            }
            Thread.sleep(200);
        }
        assertNotNull(amqpApp, "the AMQP reports were applied");
        Thread.sleep(1_000);
        JsonObject restApp = get("/api/v1/apps/" + viaRest).json();
        for (String field : List.of("group", "parent", "run_status", "command_flag", "fatal_flag", "schedule")) {
            assertEquals(restApp.get(field), amqpApp.get(field), field);
        }
        assertEquals(restApp.getJsonObject("progress"), amqpApp.getJsonObject("progress"));
        assertEquals(restApp.getJsonObject("settings"), amqpApp.getJsonObject("settings"));
        assertEquals(1, get("/api/v1/performance/functions/" + viaAmqp).json().getInt("total"),
                "a redelivered function log is stored once");
    }

    @Test
    void a_poison_report_is_dead_lettered_with_its_reason_and_does_not_block_the_next() throws Exception {
        String g = group();
        ch.queuePurge("quarterdeck.reports.dead");
        String marker = "poison-" + g;
        ch.basicPublish("quarterdeck.reports", "x", null, ("{\"" + marker + "\": [1,").getBytes(StandardCharsets.UTF_8));
        ch.basicPublish("quarterdeck.reports", "x", null, ("{\"version\":1,\"type\":\"app.register\",\"app\":\"" + g
                + "_after\",\"group\":\"" + g + "\"}").getBytes(StandardCharsets.UTF_8));
        List<GetResponse> dead = drain("quarterdeck.reports.dead", 1, 30_000);
        assertEquals(1, dead.size());
        assertTrue(new String(dead.get(0).getBody(), StandardCharsets.UTF_8).contains(marker));
        assertTrue(String.valueOf(dead.get(0).getProps().getHeaders().get("x-quarterdeck-reason")).contains("JSON"));
        long deadline = System.currentTimeMillis() + 30_000;
        int status = 0;
        while (System.currentTimeMillis() < deadline && (status = get("/api/v1/apps/" + g + "_after").status()) != 200) {
            Thread.sleep(200);
        }
        assertEquals(200, status, "the report after the poison one was applied");
    }

    @Test
    void runtimes_pipelines_and_performance_answer_with_their_error_cases() {
        String g = group();
        String app = g + "_p";
        register(app, g, "p");
        String now = Instant.now().toString();
        assertEquals(200, postJson("/api/v1/runtimes", "{\"runtime\":\"" + g + "_r1\",\"app\":\"" + app
                + "\",\"started\":\"" + now + "\",\"status\":\"RUNNING\"}").status());
        assertEquals(g + "_r1", get("/api/v1/runtimes/" + g + "_r1").json().getString("runtime"));
        assertEquals(1, get("/api/v1/runtimes?app=" + app).json().getInt("total"));
        Reply missingRuntime = get("/api/v1/runtimes/" + g + "_none");
        assertEquals(404, missingRuntime.status());
        assertEquals(g + "_none", missingRuntime.json().getJsonObject("error").getJsonObject("details")
                .getString("runtime_id"));
        Reply unknownApp = postJson("/api/v1/runtimes", "{\"runtime\":\"" + g + "_r2\",\"app\":\"" + g
                + "_ghost\",\"started\":\"" + now + "\",\"status\":\"RUNNING\"}");
        assertEquals(404, unknownApp.status());
        Reply badStatus = get("/api/v1/runtimes?status=SLEEPING");
        assertEquals(400, badStatus.status());
        assertEquals("status", badStatus.json().getJsonObject("error").getJsonObject("details").getString("field"));

        String doc = g + "_doc";
        assertEquals(200, postJson("/api/v1/pipelines/tasks", "{\"task_id\":\"" + g + "_t1\",\"document_type\":\""
                + doc + "\",\"stage\":\"ocr\",\"status\":\"COMPLETED\",\"started_at\":\"" + now + "\",\"finished_at\":\""
                + Instant.parse(now).plusSeconds(12) + "\"}").status());
        assertEquals(200, postJson("/api/v1/pipelines/tasks", "{\"task_id\":\"" + g + "_t2\",\"document_type\":\""
                + doc + "\",\"stage\":\"ner\",\"status\":\"FAILED\",\"errors\":[\"timeout\"],\"retry_count\":2}")
                .status());
        assertEquals("ocr", get("/api/v1/pipelines/tasks/" + g + "_t1").json().getString("stage"));
        assertEquals(1, get("/api/v1/pipelines/tasks?document_type=" + doc + "&status=FAILED").json().getInt("total"));
        JsonObject throughput = get("/api/v1/pipelines/throughput").json();
        assertEquals("last_24h", throughput.getString("period"));
        JsonObject mine = throughput.getJsonArray("pipelines").stream().map(v -> v.asJsonObject())
                .filter(o -> o.getString("document_type").equals(doc)).findFirst().orElseThrow();
        assertEquals(2, mine.getInt("total_tasks"));
        assertEquals(1, mine.getInt("completed"));
        assertEquals(1, mine.getInt("failed"));
        assertEquals(12.0, mine.getJsonNumber("avg_duration_seconds").doubleValue());
        assertTrue(get("/api/v1/pipelines/errors?period=1h").body().contains("timeout"));
        assertEquals(400, get("/api/v1/pipelines/throughput?period=forever").status());
        assertEquals(404, get("/api/v1/pipelines/tasks/" + g + "_none").status());

        postJson("/api/v1/performance/functions", "{\"id\":\"" + g + "-f1\",\"app\":\"" + app + "\",\"function_name\":\""
                + g + "_slow\",\"task_size\":10,\"solved\":9,\"failed\":1,\"duration_seconds\":99999,\"logged_at\":\""
                + now + "\"}");
        JsonObject slowest = get("/api/v1/performance/functions/slowest?n=1").json();
        assertEquals(g + "_slow", slowest.getJsonArray("items").getJsonObject(0).getString("function_name"));
        JsonObject trends = get("/api/v1/performance/functions/trends?app=" + app + "&bucket=1h").json();
        assertEquals(1, trends.getJsonArray("items").size());
        assertEquals(9, trends.getJsonArray("items").getJsonObject(0).getInt("solved"));
        assertEquals(404, get("/api/v1/performance/functions/" + g + "_ghost").status());
        assertEquals(400, get("/api/v1/performance/functions/slowest?n=0").status());
        assertFalse(get("/api/v1/apps?per_page=101").status() == 200);
    }
}
