package io.quarterdeck.adapters.observability.grafana;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.quarterdeck.application.port.out.metrics.DashboardCatalog.Dashboard;
import io.quarterdeck.application.port.out.metrics.MetricsQuery.BackendUnavailableException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Grafana's search API served by a local HTTP server in Grafana's documented shape; the shipped dashboards. */
class GrafanaDashboardCatalogTest {
    static final String SEARCH = """
            [{"id":1,"uid":"system-overview","title":"System Overview","uri":"db/system-overview",
              "url":"/grafana/d/system-overview/system-overview","slug":"","type":"dash-db","tags":["system","overview"],
              "isStarred":false,"folderTitle":"Ops"},
             {"id":2,"type":"dash-db","title":"no uid: not a dashboard as documented"}]""";

    @Test
    void grafanas_dashboards_with_absolute_urls_and_the_token() throws Exception {
        AtomicReference<String> auth = new AtomicReference<>();
        AtomicReference<String> query = new AtomicReference<>();
        HttpServer grafana = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        grafana.createContext("/api/search", x -> {
            auth.set(x.getRequestHeaders().getFirst("Authorization"));
            query.set(x.getRequestURI().getQuery());
            byte[] body = SEARCH.getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(200, body.length);
            x.getResponseBody().write(body);
            x.close();
        });
        grafana.start();
        try {
            URI base = URI.create("http://127.0.0.1:" + grafana.getAddress().getPort());
            List<Dashboard> list = new GrafanaDashboardCatalog(Optional.of(base), Optional.of("glsa_x"),
                    Duration.ofSeconds(5)).dashboards();
            assertEquals(List.of(new Dashboard("system-overview", "System Overview", "Ops",
                    base + "/grafana/d/system-overview/system-overview", List.of("system", "overview"))), list);
            assertEquals("Bearer glsa_x", auth.get());
            assertTrue(query.get().contains("type=dash-db"), query.get());
        } finally {
            grafana.stop(0);
        }
        URI gone = URI.create("http://127.0.0.1:" + grafana.getAddress().getPort());
        assertThrows(BackendUnavailableException.class, () -> new GrafanaDashboardCatalog(Optional.of(gone),
                Optional.empty(), Duration.ofSeconds(2)).dashboards());
    }

    @Test
    void without_grafana_the_shipped_dashboards_are_listed() {
        List<Dashboard> shipped = new GrafanaDashboardCatalog(Optional.empty(), Optional.empty(),
                Duration.ofSeconds(2)).dashboards();
        assertEquals(List.of("quarterdeck-overview", "quarterdeck-host"), shipped.stream().map(Dashboard::id).toList());
        assertEquals("/grafana/d/quarterdeck-overview", shipped.get(0).url());
        assertTrue(shipped.get(0).tags().contains("quarterdeck"));
    }
}
