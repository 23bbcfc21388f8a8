package io.quarterdeck.adapters.observability.loki;

import io.quarterdeck.adapters.observability.ObservabilitySettings;
import io.quarterdeck.application.port.out.logs.LogTail;
import io.quarterdeck.domain.logs.LogEntry;
import io.quarterdeck.domain.logs.LogQuery;
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
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Loki's {@code /loki/api/v1/tail} WebSocket for the live log sockets when {@code quarterdeck.loki.url} is set: the
 * query is {@link LogQl}'s, {@code start} is now (then the last line seen, on a reconnect), {@code delay_for=0}. Each
 * message {@code {"streams":[{"stream":{labels},"values":[["<ns>","line"]]}],"dropped_entries":[...]}} becomes lines
 * (the labels mapped as {@link LokiLogStore} maps them) and a dropped count. A tail that Loki closes or that fails is
 * opened again after a second, from the last line seen, until the follower lets go. Without a Loki URL it answers
 * empty and the sockets follow Quarterdeck's own feed.
 */
@ApplicationScoped
public class LokiLogTail implements LogTail {
    private static final Logger LOG = Logger.getLogger(LokiLogTail.class.getName());
    static final int LIMIT = 100;
    static final Duration RECONNECT = Duration.ofSeconds(1);

    private final Optional<URI> base;
    private final Duration timeout;
    private final Clock clock;
    private final HttpClient client;
    private final ScheduledExecutorService retries;

    @Inject
    public LokiLogTail(ObservabilitySettings settings) {
        this(settings == null ? Optional.empty() : settings.lokiUrl(),
                settings == null ? Duration.ofSeconds(5) : settings.timeout(), Clock.systemUTC());
    }

    public LokiLogTail(Optional<URI> base, Duration timeout, Clock clock) {
        this.base = base;
        this.timeout = timeout;
        this.clock = clock;
        this.client = base.isEmpty() ? null : HttpClient.newBuilder().connectTimeout(timeout).build();
        this.retries = base.isEmpty() ? null : Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "quarterdeck-loki-tail");
            t.setDaemon(true);
            return t;
        });
    }

    /** For CDI proxies only. */
    protected LokiLogTail() {
        this(Optional.empty(), Duration.ofSeconds(5), Clock.systemUTC());
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        if (retries != null) {
            retries.shutdownNow();
        }
    }

    @Override
    public Optional<AutoCloseable> tail(LogQuery filter, Consumer<LogEntry> line, LongConsumer dropped) {
        if (base.isEmpty()) {
            return Optional.empty();
        }
        Follow f = new Follow(filter, line, dropped, clock.instant());
        f.connect();
        return Optional.of(f);
    }

    /** The tail's URI: ws(s), the LogQL, {@code start} in nanoseconds, no delay, a bounded batch. */
    URI uri(LogQuery filter, Instant start) {
        URI b = base.orElseThrow();
        String scheme = "https".equals(b.getScheme()) ? "wss" : "ws";
        String path = (b.getPath() == null ? "" : b.getPath()) + "/loki/api/v1/tail";
        return URI.create(scheme + "://" + b.getRawAuthority() + path + "?query="
                + URLEncoder.encode(LogQl.of(filter), StandardCharsets.UTF_8) + "&start=" + LokiLogStore.nanos(start)
                + "&delay_for=0&limit=" + LIMIT);
    }

    /** One follower's tail, reopened after failures until closed. */
    private final class Follow implements AutoCloseable, WebSocket.Listener {
        private final LogQuery filter;
        private final Consumer<LogEntry> line;
        private final LongConsumer dropped;
        private final StringBuilder partial = new StringBuilder();
        private volatile Instant from;
        private volatile boolean closed;
        private volatile WebSocket socket;

        Follow(LogQuery filter, Consumer<LogEntry> line, LongConsumer dropped, Instant from) {
            this.filter = filter;
            this.line = line;
            this.dropped = dropped;
            this.from = from;
        }

        void connect() {
            if (closed) {
                return;
            }
            client.newWebSocketBuilder().connectTimeout(timeout).buildAsync(uri(filter, from), this)
                    .whenComplete((ws, error) -> {
                        if (error != null) {
                            LOG.log(Level.FINE, "Loki's tail did not open; retrying", error);
                            retry();
                        } else if (closed) {
                            ws.abort();
                        } else {
                            socket = ws;
                        }
                    });
        }

        private void retry() {
            if (!closed) {
                retries.schedule(this::connect, RECONNECT.toMillis(), TimeUnit.MILLISECONDS);
            }
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                deliver(text);
            }
            ws.request(1);
            return null;
        }

        private void deliver(String text) {
            JsonObject message;
            try {
                message = Json.createReader(new StringReader(text)).readObject();
            } catch (JsonException | IllegalStateException e) {
                LOG.log(Level.FINE, "Loki's tail sent something that is not its JSON", e);
                return;
            }
            JsonArray lost = message.getJsonArray("dropped_entries");
            if (lost != null && !lost.isEmpty() && !closed) {
                dropped.accept(lost.size());
            }
            JsonArray streams = message.getJsonArray("streams");
            if (streams == null) {
                return;
            }
            for (JsonValue s : streams) {
                JsonObject stream = s.asJsonObject();
                Map<String, String> labels = strings(stream.getJsonObject("stream"));
                JsonArray values = stream.getJsonArray("values");
                if (values == null) {
                    continue;
                }
                for (JsonValue v : values) {
                    JsonArray pair = v.asJsonArray();
                    Instant at = LokiLogStore.instant(pair.getString(0));
                    LogEntry e = LokiLogStore.entry(at, pair.getString(1), labels);
                    if (at.isAfter(from)) {
                        from = at;
                    }
                    if (!closed && filter.accepts(e)) {
                        line.accept(e);
                    }
                }
            }
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            socket = null;
            from = from.plusNanos(1);
            retry();
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            socket = null;
            LOG.log(Level.FINE, "Loki's tail failed; reopening", error);
            from = from.plusNanos(1);
            retry();
        }

        @Override
        public void close() {
            closed = true;
            WebSocket ws = socket;
            if (ws != null) {
                ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").whenComplete((w, e) -> ws.abort());
            }
        }
    }

    private static Map<String, String> strings(JsonObject o) {
        Map<String, String> out = new LinkedHashMap<>();
        if (o != null) {
            o.forEach((k, v) -> out.put(k, v instanceof JsonString s ? s.getString() : v.toString()));
        }
        return out;
    }
}
