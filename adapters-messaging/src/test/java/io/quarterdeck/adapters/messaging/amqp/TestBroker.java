package io.quarterdeck.adapters.messaging.amqp;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

/**
 * The RabbitMQ that {@code scripts/services.sh} starts, with a virtual host of this test's own ({@code qd16-...},
 * created through the management API and deleted on close) so that concurrent runs share no queue. A broker that
 * does not answer fails the test; it never skips it.
 */
final class TestBroker implements AutoCloseable {
    static final String MANAGEMENT = System.getProperty("quarterdeck.test.rabbitmq.management", "http://127.0.0.1:15672");
    static final String HOST = System.getProperty("quarterdeck.test.rabbitmq.host", "127.0.0.1");
    static final int PORT = 5672;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    final String vhost = "qd16-" + UUID.randomUUID().toString().substring(0, 8);

    TestBroker() {
        call("PUT", "/api/vhosts/" + vhost, "{}");
        call("PUT", "/api/permissions/" + vhost + "/guest", "{\"configure\":\".*\",\"write\":\".*\",\"read\":\".*\"}");
    }

    String url() {
        return url(HOST, PORT);
    }

    String url(String host, int port) {
        return "amqp://guest:guest@" + host + ":" + port + "/" + vhost;
    }

    private static void call(String method, String path, String body) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(MANAGEMENT + path))
                    .timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            "guest:guest".getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() >= 300) {
                throw new IllegalStateException(method + " " + path + ": " + r.statusCode() + " " + r.body());
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException("RabbitMQ management does not answer at " + MANAGEMENT
                    + ": start it with scripts/services.sh (bin/quarterdeck test does)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        call("DELETE", "/api/vhosts/" + vhost, null);
    }
}
