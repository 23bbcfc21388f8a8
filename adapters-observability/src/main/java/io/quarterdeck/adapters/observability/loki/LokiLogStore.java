package io.quarterdeck.adapters.observability.loki;

import io.quarterdeck.adapters.observability.HttpCalls;
import io.quarterdeck.adapters.observability.ObservabilitySettings;
import io.quarterdeck.application.port.out.logs.LogStore;
import io.quarterdeck.application.port.out.logs.LogStoreUnavailableException;
import io.quarterdeck.domain.logs.LogEntry;
import io.quarterdeck.domain.logs.LogLevel;
import io.quarterdeck.domain.logs.LogPage;
import io.quarterdeck.domain.logs.LogQuery;
import io.quarterdeck.domain.logs.LogSourceSummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
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
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Loki as the log store ({@code quarterdeck.loki.url}): lines are pushed as JSON streams labelled {@code service},
 * {@code level} (and {@code container}, {@code server}, {@code app} when known); queries go to
 * {@code /loki/api/v1/query_range} with LogQL built by {@link LogQl}, newest first ({@code direction=backward});
 * sources come from {@code /loki/api/v1/label/service/values}. Loki keeps no total, so a page's {@code total} counts
 * what Loki returned (at most offset + limit + 1) and {@code has_more} says whether more lines exist. Retention is
 * Loki's own. Loki down: {@link LogStoreUnavailableException}.
 * <p>Typed to its class: the composition root decides which store the core gets.
 */
@ApplicationScoped
@Typed(LokiLogStore.class)
public class LokiLogStore implements LogStore {
    static final Duration DEFAULT_WINDOW = Duration.ofDays(7);

    private final Optional<URI> base;
    private final HttpCalls http;

    @Inject
    public LokiLogStore(ObservabilitySettings settings) {
        this(settings == null ? Optional.empty() : settings.lokiUrl(),
                settings == null ? Duration.ofSeconds(5) : settings.timeout());
    }

    public LokiLogStore(Optional<URI> base, Duration timeout) {
        this.base = base;
        this.http = new HttpCalls(timeout);
    }

    /** For CDI proxies only. */
    protected LokiLogStore() {
        this(Optional.empty(), Duration.ofSeconds(5));
    }

    public boolean configured() {
        return base.isPresent();
    }

    private URI uri(String pathAndQuery) {
        return base.orElseThrow(() -> new LogStoreUnavailableException("no Loki is configured")).resolve(pathAndQuery);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request);
        } catch (HttpCalls.Unreachable e) {
            throw new LogStoreUnavailableException("Loki does not answer");
        }
    }

    @Override
    public List<LogEntry> appendAll(List<LogEntry> entries) {
        if (entries.isEmpty()) {
            return List.of();
        }
        Map<Map<String, String>, List<LogEntry>> streams = new LinkedHashMap<>();
        for (LogEntry e : entries) {
            streams.computeIfAbsent(labels(e), k -> new ArrayList<>()).add(e);
        }
        JsonArrayBuilder array = Json.createArrayBuilder();
        streams.forEach((labels, lines) -> {
            JsonObjectBuilder stream = Json.createObjectBuilder();
            labels.forEach(stream::add);
            JsonArrayBuilder values = Json.createArrayBuilder();
            for (LogEntry e : lines) {
                JsonArrayBuilder v = Json.createArrayBuilder().add(nanos(e.timestamp())).add(e.message());
                if (!e.labels().isEmpty()) {
                    JsonObjectBuilder meta = Json.createObjectBuilder();
                    e.labels().forEach(meta::add);
                    v.add(meta);
                }
                values.add(v);
            }
            array.add(Json.createObjectBuilder().add("stream", stream).add("values", values));
        });
        String body = Json.createObjectBuilder().add("streams", array).build().toString();
        HttpResponse<String> r = send(http.request(uri("/loki/api/v1/push")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        if (r.statusCode() / 100 != 2) {
            throw new LogStoreUnavailableException("Loki refused the push (HTTP " + r.statusCode() + ")");
        }
        return entries;
    }

    static Map<String, String> labels(LogEntry e) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("service", e.service());
        labels.put("level", e.level().name());
        if (e.container() != null) {
            labels.put("container", e.container());
        }
        if (e.server() != null) {
            labels.put("server", e.server());
        }
        if (e.app() != null) {
            labels.put("app", e.app());
        }
        return labels;
    }

    @Override
    public LogPage search(LogQuery q) {
        Instant end = q.to() == null ? Instant.now() : q.to();
        Instant start = q.from() == null ? end.minus(DEFAULT_WINDOW) : q.from();
        int want = q.offset() + q.limit() + 1;
        String query = "/loki/api/v1/query_range?query=" + enc(LogQl.of(q)) + "&start=" + nanos(start) + "&end="
                + nanos(end.plusNanos(1)) + "&limit=" + want + "&direction=backward";
        JsonObject data = json(send(http.request(uri(query)).GET().build())).getJsonObject("data");
        if (data == null || !"streams".equals(data.getString("resultType", ""))) {
            throw new LogStoreUnavailableException("Loki answered without streams");
        }
        List<LogEntry> lines = new ArrayList<>();
        for (JsonValue s : data.getJsonArray("result")) {
            JsonObject stream = s.asJsonObject();
            Map<String, String> labels = strings(stream.getJsonObject("stream"));
            for (JsonValue v : stream.getJsonArray("values")) {
                var pair = v.asJsonArray();
                Map<String, String> meta = new LinkedHashMap<>(labels);
                if (pair.size() > 2 && pair.get(2) instanceof JsonObject extra) {
                    meta.putAll(strings(extra));
                }
                lines.add(entry(instant(pair.getString(0)), pair.getString(1), meta));
            }
        }
        lines.sort(Comparator.comparing(LogEntry::timestamp).reversed());
        boolean more = lines.size() > q.offset() + q.limit();
        List<LogEntry> page = lines.subList(Math.min(q.offset(), lines.size()),
                Math.min(lines.size(), q.offset() + q.limit()));
        return new LogPage(page, Math.min(lines.size(), (long) q.offset() + q.limit()) + (more ? 1 : 0), more);
    }

    static LogEntry entry(Instant at, String line, Map<String, String> labels) {
        Map<String, String> meta = new LinkedHashMap<>(labels);
        String service = meta.remove("service");
        LogLevel level = LogLevel.lenient(meta.remove("level"));
        String container = meta.remove("container");
        String server = meta.remove("server");
        String app = meta.remove("app");
        return new LogEntry(0, at, level == null ? LogLevel.sniff(line, LogLevel.INFO) : level, service, container,
                server, app, line, meta, false);
    }

    @Override
    public List<LogSourceSummary> sources() {
        JsonObject body = json(send(http.request(uri("/loki/api/v1/label/service/values")).GET().build()));
        List<LogSourceSummary> out = new ArrayList<>();
        for (JsonValue v : body.getJsonArray("data")) {
            if (v instanceof JsonString s) {
                out.add(new LogSourceSummary(s.getString(), Instant.EPOCH, LogLevel.INFO, 0));
            }
        }
        out.sort(Comparator.comparing(LogSourceSummary::id));
        return out;
    }

    @Override
    public boolean knows(String sourceId) {
        return sources().stream().anyMatch(s -> s.id().equals(sourceId));
    }

    /** Loki applies its own retention. */
    @Override
    public long deleteOlderThan(Instant cutoff) {
        return 0;
    }

    /** Loki applies its own retention. */
    @Override
    public long trimTo(long maxLines) {
        return 0;
    }

    /** {@code /ready}: the latency of one round trip. */
    public long ready() {
        long t0 = System.nanoTime();
        HttpResponse<String> r = send(http.request(uri("/ready")).GET().build());
        if (r.statusCode() != 200) {
            throw new LogStoreUnavailableException("Loki is not ready (HTTP " + r.statusCode() + ")");
        }
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private static JsonObject json(HttpResponse<String> r) {
        if (r.statusCode() == 400) {
            throw new LogStoreUnavailableException("Loki refused the query (HTTP 400)");
        }
        if (r.statusCode() != 200) {
            throw new LogStoreUnavailableException("Loki answered HTTP " + r.statusCode());
        }
        try {
            return Json.createReader(new StringReader(r.body())).readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new LogStoreUnavailableException("Loki answered without its JSON");
        }
    }

    private static Map<String, String> strings(JsonObject o) {
        Map<String, String> out = new LinkedHashMap<>();
        if (o != null) {
            o.forEach((k, v) -> out.put(k, v instanceof JsonString s ? s.getString() : v.toString()));
        }
        return out;
    }

    static String nanos(Instant i) {
        return i.getEpochSecond() + String.format("%09d", i.getNano());
    }

    static Instant instant(String nanos) {
        long n = Long.parseLong(nanos);
        return Instant.ofEpochSecond(n / 1_000_000_000L, n % 1_000_000_000L);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
