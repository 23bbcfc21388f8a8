package io.quarterdeck.adapters.observability.prometheus;

import io.quarterdeck.adapters.observability.HttpCalls;
import io.quarterdeck.adapters.observability.ObservabilitySettings;
import io.quarterdeck.application.port.out.metrics.MetricsQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * PromQL through Prometheus' HTTP API ({@code /api/v1/query_range}, {@code /api/v1/query}, POSTed as a form so long
 * queries fit). Prometheus' {@code bad_data} and execution errors (400, 422) become a refusal carrying its message;
 * anything else (no answer, 5xx, a body that is not Prometheus') means Prometheus is unavailable.
 */
@ApplicationScoped
public class PrometheusMetricsQuery implements MetricsQuery {
    private final Optional<URI> base;
    private final HttpCalls http;

    @Inject
    public PrometheusMetricsQuery(ObservabilitySettings settings) {
        this(settings == null ? Optional.empty() : settings.prometheusUrl(),
                settings == null ? Duration.ofSeconds(5) : settings.timeout());
    }

    public PrometheusMetricsQuery(Optional<URI> base, Duration timeout) {
        this.base = base;
        this.http = new HttpCalls(timeout);
    }

    /** For CDI proxies only. */
    protected PrometheusMetricsQuery() {
        this(Optional.empty(), Duration.ofSeconds(5));
    }

    @Override
    public boolean configured() {
        return base.isPresent();
    }

    @Override
    public QueryResult range(String promql, Instant start, Instant end, Duration step) {
        return call("/api/v1/query_range", "query=" + enc(promql) + "&start=" + seconds(start) + "&end="
                + seconds(end) + "&step=" + (step.toMillis() / 1000.0));
    }

    @Override
    public QueryResult instant(String promql, Instant at) {
        return call("/api/v1/query", "query=" + enc(promql) + "&time=" + seconds(at));
    }

    /** {@code /-/ready}: the latency of one round trip. */
    public long ready() {
        URI uri = base.orElseThrow(() -> new BackendUnavailableException("no Prometheus is configured"))
                .resolve("/-/ready");
        long t0 = System.nanoTime();
        HttpResponse<String> r;
        try {
            r = http.send(http.request(uri).GET().build());
        } catch (HttpCalls.Unreachable e) {
            throw new BackendUnavailableException("Prometheus does not answer");
        }
        if (r.statusCode() != 200) {
            throw new BackendUnavailableException("Prometheus is not ready (HTTP " + r.statusCode() + ")");
        }
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private QueryResult call(String path, String form) {
        URI uri = base.orElseThrow(() -> new BackendUnavailableException("no Prometheus is configured "
                + "(quarterdeck.prometheus.url)")).resolve(path);
        HttpResponse<String> r;
        try {
            r = http.send(http.request(uri).header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(form)).build());
        } catch (HttpCalls.Unreachable e) {
            throw new BackendUnavailableException("Prometheus does not answer");
        }
        JsonObject body;
        try {
            body = Json.createReader(new StringReader(r.body())).readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new BackendUnavailableException("Prometheus answered HTTP " + r.statusCode() + " without its JSON");
        }
        if (r.statusCode() == 400 || r.statusCode() == 422) {
            throw new QueryRejectedException(body.getString("error", "Prometheus refused the query"));
        }
        if (r.statusCode() != 200 || !"success".equals(body.getString("status", ""))) {
            throw new BackendUnavailableException("Prometheus answered HTTP " + r.statusCode());
        }
        return result(body.getJsonObject("data"));
    }

    static QueryResult result(JsonObject data) {
        String type = data.getString("resultType", "");
        JsonValue result = data.get("result");
        List<Series> series = new ArrayList<>();
        switch (type) {
            case "matrix", "vector" -> {
                for (JsonValue v : result.asJsonArray()) {
                    JsonObject s = v.asJsonObject();
                    Map<String, String> metric = new LinkedHashMap<>();
                    s.getJsonObject("metric").forEach((k, val) -> metric.put(k, ((JsonString) val).getString()));
                    List<Point> points = new ArrayList<>();
                    if (type.equals("matrix")) {
                        for (JsonValue p : s.getJsonArray("values")) {
                            points.add(point(p.asJsonArray()));
                        }
                    } else {
                        points.add(point(s.getJsonArray("value")));
                    }
                    series.add(new Series(metric, points));
                }
            }
            case "scalar", "string" -> series.add(new Series(Map.of(), List.of(point(result.asJsonArray()))));
            default -> throw new BackendUnavailableException("Prometheus answered an unknown result type " + type);
        }
        return new QueryResult(type, series);
    }

    private static Point point(JsonArray pair) {
        return new Point(pair.getJsonNumber(0).doubleValue(), pair.getString(1));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String seconds(Instant i) {
        return i.getEpochSecond() + "." + String.format("%03d", i.getNano() / 1_000_000);
    }
}
