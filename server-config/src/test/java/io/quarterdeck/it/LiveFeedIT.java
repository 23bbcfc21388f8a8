package io.quarterdeck.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Seed 001 section 7: the live feed at {@code /ws?token=}. */
class LiveFeedIT {

    static final class Listener implements WebSocket.Listener {
        final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                messages.add(partial.toString());
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            closed.completeExceptionally(error);
        }
    }

    static WebSocket connect(String query, Listener listener) throws Exception {
        URI uri = URI.create(Server.BASE.replace("http", "ws") + "/ws" + query);
        return Server.CLIENT.newWebSocketBuilder().buildAsync(uri, listener).get(10, TimeUnit.SECONDS);
    }

    static JsonObject next(Listener l, String type) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            String m = l.messages.poll(500, TimeUnit.MILLISECONDS);
            if (m != null) {
                JsonObject o = Json.createReader(new StringReader(m)).readObject();
                if (o.getString("type").equals(type)) {
                    return o;
                }
            }
        }
        throw new AssertionError("no " + type + " message within 10 s");
    }

    @Test
    void subscribers_see_new_and_resolved_errors() throws Exception {
        Listener l = new Listener();
        WebSocket ws = connect("?token=" + URLEncoder.encode(Server.API_KEY, StandardCharsets.UTF_8), l);
        try {
            String source = ErrorTrackingIT.uniqueSource();
            JsonObject e = ErrorTrackingIT.created(ErrorTrackingIT.report("error", "live one", source, ""));
            JsonObject pushed = next(l, "new_error");
            while (!pushed.getJsonObject("data").getString("id").equals(e.getString("id"))) {
                pushed = next(l, "new_error");
            }
            assertEquals(source, pushed.getJsonObject("data").getString("source"));
            assertEquals(1, pushed.getJsonObject("data").getInt("count"));

            Server.put("/api/errors/" + e.getString("id") + "/resolve");
            JsonObject resolved = next(l, "error_resolved");
            while (!resolved.getJsonObject("data").getString("id").equals(e.getString("id"))) {
                resolved = next(l, "error_resolved");
            }
        } finally {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
    }

    @Test
    void a_bad_or_missing_token_closes_with_1008() throws Exception {
        for (String query : new String[] {"", "?token=qdk_wrong_key", "?token=" + Server.API_KEY + "x"}) {
            Listener l = new Listener();
            connect(query, l);
            int code = l.closed.get(10, TimeUnit.SECONDS);
            assertEquals(1008, code, "query " + query);
            assertTrue(l.messages.isEmpty());
        }
    }
}
