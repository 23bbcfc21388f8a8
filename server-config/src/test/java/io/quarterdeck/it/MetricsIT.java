package io.quarterdeck.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code /metrics}: the application's own series are published, and no client can make the set of series grow (the
 * labels come from closed sets; issue 20, item 8).
 */
class MetricsIT {
    private static String scrape() {
        Server.Reply reply = Server.send(Server.request("/metrics").header("Accept", "text/plain").GET());
        assertEquals(200, reply.status());
        return reply.body();
    }

    /** Every series (name and labels, without its value), except the JVM's own, which change on their own. */
    private static Set<String> series(String exposition) {
        return exposition.lines().filter(l -> !l.startsWith("#") && !l.isBlank())
                .map(l -> l.substring(0, l.lastIndexOf(' ')))
                .filter(s -> !s.startsWith("gc_") && !s.startsWith("memory_") && !s.startsWith("thread")
                        && !s.startsWith("cpu_") && !s.startsWith("classloader_") && !s.startsWith("jvm_"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static int unknownMethod(String method, String path) {
        return Server.send(Server.request(path).method(method, HttpRequest.BodyPublishers.noBody())).status();
    }

    private static void sendUnknownMethods(String... methods) {
        for (String m : methods) {
            for (String path : new String[] {"/health", "/api/v1/auth/me", "/cluster-ai/auth/me", "/nowhere"}) {
                int status = unknownMethod(m, path);
                assertTrue(status == 405 || status == 404, m + " " + path + " answered " + status);
            }
        }
    }

    @Test
    void unknown_http_methods_add_no_series() {
        sendUnknownMethods("QDWARM"); // the first refusal of each kind may create its (closed) series
        scrape();
        Set<String> before = series(scrape());

        sendUnknownMethods("QDXYZ", "QDABC", "FROBNICATE", "Q" + UUID.randomUUID().toString().substring(0, 8).toUpperCase());

        String after = scrape();
        Set<String> grown = new TreeSet<>(series(after));
        grown.removeAll(before);
        assertEquals(Set.of(), grown, "series created by unknown methods");
        assertFalse(after.contains("QDXYZ") || after.contains("FROBNICATE"), "a method name reached /metrics");
        assertTrue(after.lines().anyMatch(l -> l.startsWith("quarterdeck_http_requests_total{")
                && l.contains("method=\"other\"") && l.contains("status=\"405\"")), "unknown methods are counted as other");
    }

    @Test
    void requests_are_counted_by_route_template_never_by_raw_path() {
        String id = "nosuchid" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        assertEquals(404, Server.get("/api/errors/" + id).status());
        assertEquals(404, Server.get("/api/" + id).status());
        assertEquals(200, Server.send(Server.request("/health").GET()).status());

        String metrics = scrape();
        assertFalse(metrics.contains(id), "a raw path reached /metrics");
        assertTrue(metrics.lines().anyMatch(l -> l.startsWith("quarterdeck_http_requests_total{")
                && l.contains("route=\"/api/errors/{id}\"") && l.contains("status=\"404\"")
                && l.contains("surface=\"health-monitor\"")), metrics);
        assertTrue(metrics.lines().anyMatch(l -> l.startsWith("quarterdeck_http_requests_total{")
                && l.contains("route=\"unmatched\"")), "unmatched paths share one route value");
        assertTrue(metrics.lines().anyMatch(l -> l.startsWith("quarterdeck_http_requests_total{")
                && l.contains("route=\"/health\"") && l.contains("method=\"GET\"") && l.contains("status=\"200\"")));
    }

    @Test
    void ingestion_publishes_its_queue_depth_and_batch_sizes() {
        String before = scrape();
        assertTrue(before.lines().anyMatch(l -> l.startsWith("quarterdeck_ingestion_queue_requests")),
                "the queue depth gauge is published from start-up");
        Server.Reply posted = Server.postJson("/api/errors",
                "{\"level\":\"error\",\"message\":\"metrics probe " + UUID.randomUUID() + "\"}");
        assertEquals(201, posted.status(), posted.body());

        String after = scrape();
        long batchesBefore = count(before);
        long batchesAfter = count(after);
        assertTrue(batchesAfter >= batchesBefore + 1, "batches " + batchesBefore + " -> " + batchesAfter);
    }

    private static long count(String exposition) {
        return exposition.lines().filter(l -> l.startsWith("quarterdeck_ingestion_batch_events_count"))
                .mapToLong(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}
