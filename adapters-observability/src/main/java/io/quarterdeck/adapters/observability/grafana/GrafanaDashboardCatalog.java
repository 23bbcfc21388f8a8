package io.quarterdeck.adapters.observability.grafana;

import io.quarterdeck.adapters.observability.HttpCalls;
import io.quarterdeck.adapters.observability.ObservabilitySettings;
import io.quarterdeck.application.port.out.metrics.DashboardCatalog;
import io.quarterdeck.application.port.out.metrics.MetricsQuery.BackendUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Dashboards from Grafana's search API ({@code GET /api/search?type=dash-db}, with the configured service account
 * token), or, when no Grafana is configured, the Grafana dashboards Quarterdeck ships for its own metrics
 * ({@code grafana/dashboards/*.json} in this module, listed in {@code index.txt}; the same files serve as a Grafana
 * provisioning folder, their URLs are {@code /grafana/d/<uid>}).
 */
@ApplicationScoped
public class GrafanaDashboardCatalog implements DashboardCatalog {
    static final String SHIPPED = "grafana/dashboards/";

    private final Optional<URI> base;
    private final Optional<String> token;
    private final HttpCalls http;

    @Inject
    public GrafanaDashboardCatalog(ObservabilitySettings settings) {
        this(settings == null ? Optional.empty() : settings.grafanaUrl(),
                settings == null ? Optional.empty() : settings.grafanaToken(),
                settings == null ? Duration.ofSeconds(5) : settings.timeout());
    }

    public GrafanaDashboardCatalog(Optional<URI> base, Optional<String> token, Duration timeout) {
        this.base = base;
        this.token = token;
        this.http = new HttpCalls(timeout);
    }

    /** For CDI proxies only. */
    protected GrafanaDashboardCatalog() {
        this(Optional.empty(), Optional.empty(), Duration.ofSeconds(5));
    }

    public boolean configured() {
        return base.isPresent();
    }

    @Override
    public List<Dashboard> dashboards() {
        return base.isPresent() ? fromGrafana(base.get()) : shipped();
    }

    /** {@code /api/health}: the latency of one round trip. */
    public long ping() {
        URI b = base.orElseThrow(() -> new BackendUnavailableException("no Grafana is configured"));
        long t0 = System.nanoTime();
        HttpResponse<String> r = send(b.resolve("/api/health"));
        if (r.statusCode() != 200) {
            throw new BackendUnavailableException("Grafana is not healthy (HTTP " + r.statusCode() + ")");
        }
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private HttpResponse<String> send(URI uri) {
        HttpRequest.Builder req = http.request(uri).header("Accept", "application/json").GET();
        token.ifPresent(t -> req.header("Authorization", "Bearer " + t));
        try {
            return http.send(req.build());
        } catch (HttpCalls.Unreachable e) {
            throw new BackendUnavailableException("Grafana does not answer");
        }
    }

    List<Dashboard> fromGrafana(URI b) {
        HttpResponse<String> r = send(b.resolve("/api/search?type=dash-db&limit=5000"));
        if (r.statusCode() != 200) {
            throw new BackendUnavailableException("Grafana answered HTTP " + r.statusCode());
        }
        JsonArray items;
        try {
            items = Json.createReader(new StringReader(r.body())).readArray();
        } catch (JsonException | IllegalStateException e) {
            throw new BackendUnavailableException("Grafana answered without its JSON");
        }
        List<Dashboard> out = new ArrayList<>();
        String root = b.toString().endsWith("/") ? b.toString().substring(0, b.toString().length() - 1)
                : b.toString();
        for (JsonValue v : items) {
            if (v.getValueType() != JsonValue.ValueType.OBJECT) {
                continue;
            }
            JsonObject d = v.asJsonObject();
            String uid = d.getString("uid", null);
            String title = d.getString("title", null);
            if (uid == null || title == null) {
                continue; // not a dashboard as Grafana documents it: left out
            }
            String url = d.getString("url", "/d/" + uid);
            out.add(new Dashboard(uid, title, d.getString("folderTitle", ""), url.startsWith("http") ? url
                    : root + url, strings(d.get("tags"))));
        }
        return out;
    }

    static List<Dashboard> shipped() {
        List<Dashboard> out = new ArrayList<>();
        for (String name : read(SHIPPED + "index.txt").split("\\R")) {
            if (name.isBlank()) {
                continue;
            }
            JsonObject d = Json.createReader(new StringReader(read(SHIPPED + name.strip()))).readObject();
            String uid = d.getString("uid");
            out.add(new Dashboard(uid, d.getString("title"), d.getString("description", ""), "/grafana/d/" + uid,
                    strings(d.get("tags"))));
        }
        return out;
    }

    private static String read(String resource) {
        try (InputStream in = GrafanaDashboardCatalog.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }

    private static List<String> strings(JsonValue v) {
        List<String> out = new ArrayList<>();
        if (v != null && v.getValueType() == JsonValue.ValueType.ARRAY) {
            for (JsonValue t : v.asJsonArray()) {
                if (t instanceof JsonString s) {
                    out.add(s.getString());
                }
            }
        }
        return out;
    }
}
