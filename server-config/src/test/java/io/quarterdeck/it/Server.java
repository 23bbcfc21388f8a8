package io.quarterdeck.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The server under test, as {@code bin/quarterdeck test} started it: port, bootstrap key and database come from
 * the same QUARTERDECK_* variables the server read.
 */
final class Server {
    static final String BASE = "http://127.0.0.1:" + env("QUARTERDECK_HTTP_PORT", "9080");
    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    static {
        awaitReady(Duration.ofSeconds(240));
    }

    static final String API_KEY = apiKey();

    private Server() {
    }

    /**
     * Liberty reports the server started before the application has (on a loaded machine the application took 95 s
     * more): wait until readiness answers 200 so no test meets "Context Root Not Found".
     */
    private static void awaitReady(Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(BASE + "/health/ready")).timeout(Duration.ofSeconds(10))
                .build();
        while (true) {
            try {
                if (CLIENT.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + BASE, e);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(BASE + "/health/ready did not answer 200 within " + limit);
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + BASE, e);
            }
        }
    }

    record Reply(int status, String body, HttpResponse<String> raw) {
        JsonObject json() {
            try (JsonReader r = Json.createReader(new StringReader(body))) {
                JsonStructure s = r.read();
                return s.asJsonObject();
            }
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    static JsonObject parse(String text) {
        try (JsonReader r = Json.createReader(new StringReader(text))) {
            return r.readObject();
        }
    }

    static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    private static String apiKey() {
        String preset = System.getenv("QUARTERDECK_BOOTSTRAP_API_KEY");
        if (preset != null && !preset.isBlank()) {
            return preset;
        }
        try {
            return Files.readString(Path.of(env("QUARTERDECK_DATA_DIR", System.getProperty("user.home") + "/.quarterdeck"),
                    "bootstrap-api-key")).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("no QUARTERDECK_BOOTSTRAP_API_KEY and no bootstrap-api-key file", e);
        }
    }

    private static final java.util.concurrent.atomic.AtomicInteger CLIENTS = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * Every request comes from a client address of its own (the suite is a trusted proxy), so per-address limits
     * such as 10 sign-ins a minute are not shared by the whole suite; a test that needs one address sets it.
     */
    static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(BASE + path)).timeout(Duration.ofSeconds(30))
                .setHeader("X-Forwarded-For", newClientAddress());
    }

    static String newClientAddress() {
        int n = CLIENTS.incrementAndGet();
        return "10.77." + (n / 250 % 250) + "." + (n % 250 + 1);
    }

    static HttpRequest.Builder fromNewClient(String path) {
        return request(path);
    }

    static HttpRequest.Builder bearer(String path, String token) {
        return fromNewClient(path).header("Authorization", "Bearer " + token);
    }

    static HttpRequest.BodyPublisher json(String body) {
        return HttpRequest.BodyPublishers.ofString(body);
    }

    static HttpRequest.Builder authed(String path) {
        return request(path).header("X-API-Key", API_KEY);
    }

    static Reply send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> r = CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body(), r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Reply get(String path) {
        return send(authed(path).GET());
    }

    static Reply postJson(String path, String json) {
        return send(authed(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    static Reply put(String path) {
        return send(authed(path).PUT(HttpRequest.BodyPublishers.noBody()));
    }

    static Reply delete(String path) {
        return send(authed(path).DELETE());
    }
}
