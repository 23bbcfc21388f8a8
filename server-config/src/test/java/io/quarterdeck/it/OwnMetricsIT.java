package io.quarterdeck.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.WebSocket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Quarterdeck's own metrics in the Prometheus exposition at {@code /metrics} (MicroProfile Metrics), with plausible
 * values: WebSocket sessions per socket path, the database pool (Liberty's), log store lag and stored lines, queued
 * lines, the sampler's age, the error ingestion queue, HTTP requests and their durations per route.
 */
class OwnMetricsIT {
    static String scrape() {
        Server.Reply r = Server.send(Server.request("/metrics").GET());
        assertEquals(200, r.status(), r.body());
        return r.body();
    }

    /** The values of a series whose line starts with {@code name} and contains every fragment. */
    static List<Double> values(String exposition, String name, String... fragments) {
        List<Double> out = new ArrayList<>();
        Pattern line = Pattern.compile("^" + Pattern.quote(name) + "(\\{.*})?\\s+(\\S+)$", Pattern.MULTILINE);
        Matcher m = line.matcher(exposition);
        while (m.find()) {
            String labels = m.group(1) == null ? "" : m.group(1);
            boolean all = true;
            for (String f : fragments) {
                all &= labels.contains(f);
            }
            if (all) {
                out.add(Double.parseDouble(m.group(2)));
            }
        }
        return out;
    }

    static double one(String exposition, String name, String... fragments) {
        List<Double> v = values(exposition, name, fragments);
        assertEquals(1, v.size(), name + " " + String.join(",", fragments) + " in:\n" + grep(exposition, name));
        return v.get(0);
    }

    static String grep(String exposition, String prefix) {
        StringBuilder b = new StringBuilder();
        for (String l : exposition.split("\n")) {
            if (l.startsWith(prefix.substring(0, Math.min(prefix.length(), 15)))) {
                b.append(l).append('\n');
            }
        }
        return b.length() == 0 ? exposition.substring(0, Math.min(3000, exposition.length())) : b.toString();
    }

    @Test
    void own_metrics_are_scraped_with_plausible_values() throws Exception {
        String service = LogsIT.unique("metrics-src");
        LiveFeedIT.Listener l = new LiveFeedIT.Listener();
        WebSocket ws = LogStreamIT.open("/ws/logs/" + service, l, true);
        try {
            assertEquals(204, LogsIT.push("{\"streams\":[" + LogsIT.stream(service, "", Instant.now().minusSeconds(2),
                    "INFO counted") + "]}").status());
            LiveFeedIT.next(l, "log");
            String m = scrape();
            assertTrue(one(m, "quarterdeck_websocket_sessions", "path=\"/ws/logs/{service_id}\"") >= 1, grep(m, "quarterdeck_websocket"));
            assertTrue(one(m, "quarterdeck_logs_lines_stored_total") >= 1);
            double age = one(m, "quarterdeck_logs_newest_line_age_seconds");
            assertTrue(age >= 0 && age < 3600, "newest line age " + age);
            double lag = one(m, "quarterdeck_logs_store_lag_seconds");
            assertTrue(lag >= 0 && lag < 3600, "lag " + lag);
            assertTrue(one(m, "quarterdeck_logs_queued_lines", "collector=\"self\"") >= 0);
            assertTrue(one(m, "quarterdeck_logs_queued_lines", "collector=\"containers\"") >= 0);
            double sampler = one(m, "quarterdeck_metrics_sampler_age_seconds");
            assertTrue(sampler >= 0 && sampler < 60, "seconds since the last host sample: " + sampler);
            assertTrue(one(m, "quarterdeck_ingestion_queue_requests") >= 0);
            assertTrue(values(m, "quarterdeck_http_requests_total", "route=\"/api/v1/logs/{source_id}\"").size()
                    + values(m, "quarterdeck_http_requests_total").size() > 0, grep(m, "quarterdeck_http"));
            assertTrue(!values(m, "quarterdeck_http_request_duration_seconds_count").isEmpty(),
                    grep(m, "quarterdeck_http_request_duration"));
            List<Double> pool = values(m, "connectionpool_managedConnections");
            assertTrue(!pool.isEmpty() && pool.get(0) >= 1, "Liberty's pool metrics: " + grep(m, "connectionpool"));
        } finally {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
    }
}
